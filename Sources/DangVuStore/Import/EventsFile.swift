import DangVuCore

/// The events file (biến động đảng viên): one row per event in the history of a member already in
/// the register, named by party card number.
public enum EventsFile {
  enum Column: Int, FileColumn {
    case cardNumber, kind, date, cellCode, note

    var vietnamese: String {
      switch self {
      case .cardNumber: "so_the"
      case .kind: "loai_su_kien"
      case .date: "ngay"
      case .cellCode: "ma_chi_bo"
      case .note: "ghi_chu"
      }
    }

    var english: String {
      switch self {
      case .cardNumber: "card_number"
      case .kind: "kind"
      case .date: "date"
      case .cellCode: "cell_code"
      case .note: "note"
      }
    }

    var isRequired: Bool { self != .cellCode && self != .note }

    var scopeReference: ScopeReference? {
      switch self {
      case .cardNumber: .member
      case .cellCode: .unit
      default: nil
      }
    }
  }
}
