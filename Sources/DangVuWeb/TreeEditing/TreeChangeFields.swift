import Foundation

/// A change to the tree as typed: the same names in the forms and the JSON API, all text, so what a person typed
/// goes back to them unchanged when something is refused.
struct TreeChangeFields: Codable, Sendable, Equatable {
  /// A new unit's code (found).
  var code: String?
  /// A new unit's name (found) or the new name (rename).
  var name: String?
  /// A new unit's kind (`UnitKind.code`).
  var kind: String?
  /// The new parent (move); in the API, the parent of a new unit (found).
  var parent: String?
  /// The unit merged into (merge).
  var into: String?
  var date: String?

  init(
    code: String? = nil, name: String? = nil, kind: String? = nil, parent: String? = nil, into: String? = nil,
    date: String? = nil
  ) {
    self.code = code
    self.name = name
    self.kind = kind
    self.parent = parent
    self.into = into
    self.date = date
  }

  /// The fields an act sends on, in the order the confirmation form carries them.
  func carried(for act: TreeChangeAct) -> [(String, String)] {
    let all: [(String, String?)] =
      switch act {
      case .found: [("code", code), ("name", name), ("kind", kind), ("date", date)]
      case .rename: [("name", name), ("date", date)]
      case .move: [("parent", parent), ("date", date)]
      case .merge: [("into", into), ("date", date)]
      case .dissolve: [("date", date)]
      }
    return all.map { ($0.0, $0.1 ?? "") }
  }
}
