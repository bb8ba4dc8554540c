import DangVuCore

/// The five changes to the tree a page offers, by the word of their address (`/to-chuc/{code}/thay-doi/{act}`).
enum TreeChangeAct: String, CaseIterable, Sendable {
  case found = "thanh-lap"
  case rename = "doi-ten"
  case move = "chuyen"
  case merge = "sap-nhap"
  case dissolve = "giai-the"

  var titleVi: String {
    switch self {
    case .found: "Thành lập tổ chức trực thuộc"
    case .rename: "Đổi tên"
    case .move: "Chuyển sang trực thuộc tổ chức khác"
    case .merge: "Sáp nhập vào tổ chức khác"
    case .dissolve: "Giải thể"
    }
  }

  var dateLabel: String {
    switch self {
    case .found: "Ngày thành lập"
    case .rename: "Ngày mang tên mới"
    case .move: "Ngày bắt đầu trực thuộc cấp trên mới"
    case .merge: "Ngày sáp nhập"
    case .dissolve: "Ngày chấm dứt hoạt động"
    }
  }

  /// The act in the API's address (`/api/units/{code}/{act}`); founding is `POST /api/units`.
  var apiName: String {
    switch self {
    case .found: "found"
    case .rename: "rename"
    case .move: "move"
    case .merge: "merge"
    case .dissolve: "dissolve"
    }
  }

  /// The field a refusal of the store is about, or nil when no single field explains it (shown above the form).
  func field(forRefusal code: String) -> String? {
    switch code {
    case "organisation.duplicateCode", "organisation.badCode": "code"
    case "organisation.nameMissing", "organisation.sameName": "name"
    case "organisation.unknownKind": "kind"
    case "organisation.kindNotAllowed": self == .found ? "kind" : self == .merge ? "into" : "parent"
    case "organisation.cycle", "organisation.badMerge": self == .merge ? "into" : "parent"
    case "organisation.parentNotExisting": self == .move ? "parent" : "date"
    case "organisation.notExisting", "organisation.alreadyEnded", "organisation.endBeforeFounding",
      "organisation.laterChange", "organisation.hasMembers":
      "date"
    case let code where code.hasPrefix("text."): "name"
    default: nil
    }
  }
}
