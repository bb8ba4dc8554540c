import DangVuCore

/// The events a person records from a member's page, one address each (`/dang-vien/{id}/su-kien/{act}`):
/// what the form is called, whether it names a cell, and when the page offers it. The page only hides what
/// the history would refuse; the store checks the whole history whatever is posted.
enum LifecycleAct: String, CaseIterable, Sendable {
  case madeOfficial = "cong-nhan-chinh-thuc"
  case notRecognised = "khong-cong-nhan"
  /// The sending cell's step of a two-step transfer: the letter.
  case transferSent = "chuyen-sinh-hoat"
  /// A transfer in one step, for records typed up after the fact.
  case transferred = "chuyen-sinh-hoat-mot-buoc"
  case transferredOut = "chuyen-ra-ngoai-tinh"
  case transferredIn = "tiep-nhan-tu-ngoai-tinh"
  case struckOff = "xoa-ten"
  case askedToLeave = "xin-ra-khoi-dang"
  case died = "tu-tran"
  case exempted = "mien-sinh-hoat"
  case restored = "tro-lai-sinh-hoat"

  var kind: MembershipEventKind {
    switch self {
    case .madeOfficial: .madeOfficial
    case .notRecognised: .notRecognised
    case .transferSent: .transferSent
    case .transferred: .transferred
    case .transferredOut: .transferredOut
    case .transferredIn: .transferredIn
    case .struckOff: .struckOff
    case .askedToLeave: .askedToLeave
    case .died: .died
    case .exempted: .exempted
    case .restored: .restored
    }
  }

  /// The act recording `kind` from a member's page; nil for the kinds recorded elsewhere (admission on the
  /// cell's page, receipt on the transfers page, expulsion by a discipline decision).
  init?(kind: MembershipEventKind) {
    guard let act = Self.allCases.first(where: { $0.kind == kind }) else { return nil }
    self = act
  }

  var title: String {
    switch self {
    case .madeOfficial: "Công nhận đảng viên chính thức"
    case .notRecognised: "Không công nhận đảng viên chính thức"
    case .transferSent: "Giới thiệu chuyển sinh hoạt đảng (cấp giấy giới thiệu)"
    case .transferred: "Ghi chuyển sinh hoạt đảng đã thực hiện (một bước)"
    case .transferredOut: "Chuyển sinh hoạt đảng ra ngoài tỉnh"
    case .transferredIn: "Tiếp nhận sinh hoạt đảng từ ngoài tỉnh trở về"
    case .struckOff: "Xóa tên trong danh sách đảng viên"
    case .askedToLeave: "Xin ra khỏi Đảng"
    case .died: "Từ trần"
    case .exempted: "Miễn công tác và sinh hoạt đảng"
    case .restored: "Trở lại sinh hoạt đảng"
    }
  }

  var dateLabel: String {
    switch self {
    case .transferSent: "Ngày cấp giấy giới thiệu"
    case .died: "Ngày mất"
    default: "Ngày quyết định"
    }
  }

  var noteLabel: String {
    switch self {
    case .transferSent, .transferredIn, .died: "Ghi chú"
    default: "Số quyết định, ghi chú"
    }
  }

  var cellLabel: String {
    switch self {
    case .transferredIn: "Chi bộ tiếp nhận (mã, trong phạm vi của bạn)"
    default: "Chi bộ nơi đến (mã)"
    }
  }

  var needsCell: Bool { kind.needsCell }

  /// Whether the page offers the act for a member standing as `timeline` says on `day`.
  func offered(for timeline: MemberTimeline, on day: Day) -> Bool {
    if timeline.exit != nil { return false }
    if timeline.awaySince != nil { return self == .transferredIn }
    guard let span = timeline.spans.last, span.until == nil else { return false }
    switch self {
    case .madeOfficial, .notRecognised: return span.standing == .probationary
    case .transferSent, .transferred, .transferredOut: return !span.inTransit
    case .transferredIn: return false
    case .struckOff, .askedToLeave, .died: return true
    case .exempted: return !span.exempt
    case .restored: return span.exempt
    }
  }
}
