import DangVuCore

/// The audit trail: every write records who, when, what, before and after, in an append-only table whose
/// entries are chained by SHA-256 hashes, so a change made behind DangVu's back shows (docs/decisions/0009).
public protocol AuditStore: Sendable {
  /// Appends an entry, numbered and chained after the last one, with the store's clock as its time.
  /// Appends are serialised, so two at once cannot both follow the same entry.
  @discardableResult
  func appendAudit(_ new: NewAuditEntry) async throws -> AuditEntry

  /// Entries matching the filter, newest first, at most `filter.boundedLimit`.
  func auditEntries(_ filter: AuditFilter) async throws -> [AuditEntry]

  /// Recomputes every hash in sequence order and reports the first entry that does not fit.
  func verifyAuditChain() async throws -> AuditVerification

  /// The hash of entry `sequence`, nil when there is no such entry: what an anchor is checked against.
  func auditHash(at sequence: Int64) async throws -> String?
}
