import DangVuCore

/// The words a file may use for a unit kind: the code name (`subordinateCell`), the name in the kind
/// table ("chi bộ trực thuộc đảng ủy cơ sở"), or the short name people write ("chi bộ trực thuộc").
struct UnitKindWords {
  private var words: [String: UnitKind] = [:]
  let accepted: String

  init(_ table: UnitKindTable) {
    for definition in table.kinds {
      words[Self.key(definition.kind.code)] = definition.kind
      words[Self.key(definition.nameVi)] = definition.kind
    }
    let shortForms: [(String, UnitKind)] = [
      ("đảng bộ huyện", .districtCommittee), ("đảng bộ cấp huyện", .districtCommittee),
      ("đảng bộ xã", .communeCommittee), ("đảng bộ phường", .communeCommittee),
      ("đảng bộ xã phường", .communeCommittee), ("đảng bộ bộ phận", .partialCommittee),
      ("chi bộ trực thuộc", .subordinateCell),
    ]
    // Only for kinds the table has: a short name must not bring back a kind the table dropped.
    for (text, kind) in shortForms where table.definition(of: kind) != nil { words[Self.key(text)] = kind }
    accepted = table.kinds.map { "\($0.kind.code) (\($0.nameVi))" }.joined(separator: ", ")
  }

  func kind(_ text: String) -> UnitKind? { words[Self.key(text)] }

  private static func key(_ text: String) -> String {
    SearchFolding.words(text).joined(separator: " ")
  }
}
