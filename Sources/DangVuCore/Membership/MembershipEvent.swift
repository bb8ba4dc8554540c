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
    }
  }

  /// Events that name the cell the member goes into.
  public var needsCell: Bool { self == .admitted || self == .transferred }

  /// Events after which the member is no longer in the register.
  public var endsMembership: Bool { [.struckOff, .askedToLeave, .expelled, .died].contains(self) }
}

public struct MembershipEvent: Hashable, Sendable, Codable {
  public var memberID: Int64
  public var kind: MembershipEventKind
  public var date: Day
  /// The cell the member goes into, for `admitted` and `transferred`.
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
