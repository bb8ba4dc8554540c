import DangVuCore

/// SQLite's ways of writing much at once, beside `PartyStore` (decision 0039): what the demo and the importer use
/// when the store has them, and what an engine need not have to be a `PartyStore`.
///
/// SQLite has one writer: a batch checked off the writer leaves it only the inserts, and a register loaded with
/// its indexes dropped and built once at the end is a tenth of the time (decisions 0015, 0016). A server engine
/// writes from several connections at once and builds indexes its own way, so these are not part of the
/// contract every engine passes; the importer falls back on `PartyStore.addMembers(_:audit:)` without them.
public protocol BulkLoading: PartyStore {
  /// Runs `load`, many `addMembers` batches into a register that is empty at the start (the demo). The store
  /// builds its indexes once at the end instead of batch by batch; until `load` returns, searches and
  /// registers may miss the members being added.
  func loadingInBulk<T>(_ load: () async throws -> T) async throws -> T

  /// Checks a batch as `addMembers` would, without writing, and without waiting for writes in progress.
  func checkMembers(_ batch: [NewMember]) async throws -> CheckedMembers

  /// Adds a batch checked by `checkMembers` or by the importer (checked again if the tree changed since), as
  /// `addMembers(_:audit:)` does: same errors, all or none, the import's entry appended in the same transaction.
  @discardableResult
  func addMembers(_ checked: CheckedMembers, audit: ImportAudit?) async throws -> [Member]

  /// A reorganisation of many units at once (the demo's 2025 one moves some 52,000 units nationally): new roots,
  /// then `changes` in order, in one transaction, each with the checks of a single change; the register's monthly
  /// sums marked stale once. Not audited: the demo writes its history without an actor.
  func reorganise(newRoots: [NewOrganisation], changes: [TreeChange]) async throws

  /// Runs `read` on one snapshot of the register's stored rows (`BulkRegisterReader`), for a loader that goes
  /// over every span once rather than asking member by member.
  func readingInBulk<T: Sendable>(_ read: @Sendable (BulkRegisterReader) throws -> T) async throws -> T

  /// In one transaction: runs `plan` on the register as it stands (`BulkRegisterReader`), then writes the
  /// inspections, lượt and programmes it returns (`BulkOversight`), with the inspection indexes built once at
  /// the end when there were no inspections before, and the oversight rollup rebuilt. For the demo's millions
  /// of lượt; records people enter go through `OversightStore`'s checked methods. Returns what `plan` returned
  /// beside the oversight.
  func addOversightInBulk<T: Sendable>(
    progress: @Sendable (WorkProgress) -> Void,
    _ plan: @Sendable (BulkRegisterReader) throws -> (BulkOversight, T)
  ) async throws -> T
}

extension BulkLoading {
  /// A checked batch without an import's audit entry: the demo's loader and tests.
  @discardableResult
  public func addMembers(_ checked: CheckedMembers) async throws -> [Member] {
    try await addMembers(checked, audit: nil)
  }
}
