import DangVuCore

/// The organisations file (danh sách tổ chức đảng): one row per unit, placed under its parent as on
/// its founding day. A parent may come later in the file or already be in the database.
public enum OrganisationsFile {
  enum Column: Int, FileColumn {
    case code, name, kind, parentCode, founded

    var vietnamese: String {
      switch self {
      case .code: "ma"
      case .name: "ten"
      case .kind: "loai"
      case .parentCode: "ma_cap_tren"
      case .founded: "ngay_thanh_lap"
      }
    }

    var english: String {
      switch self {
      case .code: "code"
      case .name: "name"
      case .kind: "kind"
      case .parentCode: "parent_code"
      case .founded: "founded"
      }
    }

    var isRequired: Bool { self != .parentCode }

    var scopeReference: ScopeReference? {
      switch self {
      case .code: .newUnit
      case .parentCode: .parentUnit
      default: nil
      }
    }
  }
}
