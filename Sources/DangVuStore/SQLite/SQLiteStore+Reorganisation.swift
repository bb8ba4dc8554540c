import DangVuCore
import GRDB

extension SQLiteStore {
  /// A reorganisation of many units at once (the demo's 2025 one moves some 52,000 units nationally): new
  /// roots, then `changes` in order, in one transaction, each with the checks of `changeTree`. The register's
  /// monthly sums are marked stale once instead of the roots being compared move by move. Not audited: the demo
  /// writes its history without an actor, as it writes its members.
  public func reorganise(newRoots: [NewOrganisation], changes: [TreeChange]) async throws {
    try await writer.write { db in
      let kinds = try Self.unitKinds(in: db)
      for root in newRoots { _ = try Self.add(root, known: [:], kinds: kinds, in: db) }
      for (index, change) in changes.enumerated() {
        do {
          switch change {
          case .found(let code, let name, let kind, let parentCode, let day):
            _ = try Self.add(
              NewOrganisation(code: code, name: name, kind: kind, parentCode: parentCode, founded: day), known: [:],
              kinds: kinds, in: db)
          case .move(let code, let parentCode, let day):
            try Self.move(
              Self.requireOrganisation(code: code, in: db), under: Self.requireOrganisation(code: parentCode, in: db),
              on: day, in: db)
          case .dissolve(let code, let day):
            try Self.end(Self.requireOrganisation(code: code, in: db), on: day, in: db)
          case .rename, .merge:
            _ = try Self.apply(change, in: db)
          }
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
      }
      try MemberStockRollup.markStale(db)
    }
  }
}
