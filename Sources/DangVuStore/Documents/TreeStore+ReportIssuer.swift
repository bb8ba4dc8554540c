import DangVuCore

extension TreeStore {
  /// The committee that issues a report on the subtree of `scope` as it stood on `day`: named from the
  /// unit, under its parent for the line above (a district's report is headed by its province too).
  /// With no scope (every province of a national database), the document has no single issuer.
  public func reportIssuer(scope: String?, on day: Day) async throws -> IssuingCommittee {
    guard let scope, let unit = try await organisation(code: scope) else {
      return .national
    }
    let link = try await parentHistory(ofCode: scope).last { $0.holds(on: day) }
    var superior: String?
    if let parent = link?.parent, let unit = try await organisation(id: parent) { superior = unit.name }
    return IssuingCommittee(unitName: unit.name, superiorName: superior)
  }
}
