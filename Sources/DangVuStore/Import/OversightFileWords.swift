import DangVuCore

/// What the oversight files share: a subject named by kind and key (a party card number or a unit code),
/// yes/no words, and turning named subjects into store subjects once the card numbers are looked up.
extension RowParser {
  /// The subject kind and key of a row: `(true, card)` for a member, `(false, code)` for a unit.
  mutating func subject(_ kind: Column, _ key: Column, _ record: CSVRecord) -> (member: Bool, key: String)? {
    let kindText = text(kind, record, required: true)
    let keyText = text(key, record, required: true)
    guard let kindText else { return nil }
    switch GradesFile.subjectKind(kindText) {
    case "member", "cadre": return keyText.map { (true, $0) }
    case "organisation": return keyText.map { (false, $0) }
    default:
      report(record, kind, "\"\(kindText)\" không phải đối tượng: dùng đảng viên hoặc tổ chức.")
      return nil
    }
  }

  /// Yes/no: có, x, 1, yes, true / không, 0, no, false; empty is `nil`.
  mutating func flag(_ column: Column, _ record: CSVRecord) -> Parsed<Bool> {
    guard let value = text(column, record) else { return .absent }
    switch SearchFolding.words(value).joined(separator: " ") {
    case "co", "x", "1", "yes", "true", "dung": return .value(true)
    case "khong", "0", "no", "false": return .value(false)
    default:
      report(record, column, "\"\(value)\" không phải có/không.")
      return .bad
    }
  }
}

/// Subjects named in a file, resolved against the store: unknown card numbers and unit codes are issues
/// at their line, all found in one pass.
struct OversightSubjects {
  private let members: [String: Int64]
  private let units: UnitDirectory

  static func load(_ named: [(member: Bool, key: String)], from store: some PartyStore) async throws
    -> OversightSubjects
  {
    let cards = Array(Set(named.filter(\.member).map(\.key)))
    let codes = Set(named.filter { !$0.member }.map(\.key))
    return OversightSubjects(
      members: try await store.memberIDs(cardNumbers: cards),
      units: try await UnitDirectory.load(codes: codes, from: store))
  }

  func subject(_ named: (member: Bool, key: String)) -> OversightSubject? {
    if named.member { return members[named.key].map(OversightSubject.member) }
    return units.unit(code: named.key).map { _ in OversightSubject.unit(code: named.key) }
  }

  func hasUnit(_ code: String) -> Bool { units.unit(code: code) != nil }

  static func unknown(_ named: (member: Bool, key: String)) -> String {
    named.member
      ? "không có đảng viên nào số thẻ \(named.key)." : "không có tổ chức nào mã \"\(named.key)\" trong cơ sở dữ liệu."
  }
}
