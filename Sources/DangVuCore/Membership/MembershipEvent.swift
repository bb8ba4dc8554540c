/// What can happen to a membership. History is never overwritten: every change is one of these,
/// with a date, and the register on any past date is rebuilt from them.
public enum MembershipEventKind: String, Hashable, Sendable, Codable, CaseIterable {
  case admitted  // kết nạp, into a cell
  case madeOfficial  // công nhận đảng viên chính thức
  case transferred  // chuyển sinh hoạt đảng, into another cell
  case struckOff  // xóa tên
  case askedToLeave  // xin ra khỏi Đảng
  case expelled  // khai trừ
  case died  // từ trần
  case exempted  // miễn công tác và sinh hoạt đảng
  case restored  // trở lại sinh hoạt
  case transferSent  // giới thiệu chuyển sinh hoạt: the sending cell's step; the member is in transit until received
  case transferReceived  // tiếp nhận sinh hoạt: the receiving cell's step, into the cell named when sent
  case transferredOut  // chuyển sinh hoạt ra ngoài tỉnh: leaves this register, not a removal
  case transferredIn  // tiếp nhận từ ngoài tỉnh: joins this register already admitted elsewhere
  case notRecognised  // không công nhận đảng viên chính thức: ends a probation, and the membership

  public var nameVi: String {
    switch self {
    case .admitted: "kết nạp"
    case .madeOfficial: "công nhận chính thức"
    case .transferred: "chuyển sinh hoạt đảng"
    case .struckOff: "xóa tên"
    case .askedToLeave: "xin ra khỏi Đảng"
    case .expelled: "khai trừ"
    case .died: "từ trần"
    case .exempted: "miễn công tác và sinh hoạt đảng"
    case .restored: "trở lại sinh hoạt đảng"
    case .transferSent: "giới thiệu chuyển sinh hoạt đảng"
    case .transferReceived: "tiếp nhận sinh hoạt đảng"
    case .transferredOut: "chuyển sinh hoạt đảng ra ngoài tỉnh"
    case .transferredIn: "tiếp nhận sinh hoạt đảng từ ngoài tỉnh"
    case .notRecognised: "không công nhận đảng viên chính thức"
    }
  }

  /// Events that name the cell the member goes into.
  public var needsCell: Bool {
    [.admitted, .transferred, .transferSent, .transferReceived, .transferredIn].contains(self)
  }

  /// Events after which the member is no longer a party member.
  public var endsMembership: Bool { [.struckOff, .askedToLeave, .expelled, .died, .notRecognised].contains(self) }

  /// Events that start a presence in this register: an admission, or arriving from another province.
  public var entersRegister: Bool { self == .admitted || self == .transferredIn }
}

public struct MembershipEvent: Hashable, Sendable, Codable {
  public var memberID: Int64
  public var kind: MembershipEventKind
  public var date: Day
  /// The cell the member goes into, for the kinds that `needsCell` (for `transferSent`, the cell named as
  /// the destination).
  public var cellID: Int64?
  /// Decision number or a free note ("Quyết định số 12-QĐ/ĐU").
  public var note: String

  public init(memberID: Int64, kind: MembershipEventKind, date: Day, cellID: Int64? = nil, note: String = "") {
    self.memberID = memberID
    self.kind = kind
    self.date = date
    self.cellID = cellID
    self.note = note
  }
}
