import DangVuCore
import DangVuStore

/// One page of the audit trail, inside the principal's subtree, with the state of the whole chain.
struct AuditPageModel: Sendable {
  var query: AuditQuery
  /// Newest first.
  var entries: [AuditEntry]
  /// The number to page from for older entries; nil on the last page.
  var olderFrom: Int64?
  var scopeCode: String
  var verification: AuditVerification

  static func load(from store: any AuditStore, query: AuditQuery, scopeCode: String) async throws -> AuditPageModel {
    let (entries, olderFrom) = try await page(from: store, query: query, scopeCode: scopeCode)
    // The whole chain, whatever the filter: tampering anywhere matters to whoever reads any part.
    let verification = try await store.verifyAuditChain()
    return AuditPageModel(
      query: query, entries: entries, olderFrom: olderFrom, scopeCode: scopeCode, verification: verification)
  }

  /// The entries of one page and where the older page starts (the API's list too).
  static func page(from store: any AuditStore, query: AuditQuery, scopeCode: String) async throws -> (
    entries: [AuditEntry], olderFrom: Int64?
  ) {
    var entries = try await store.auditEntries(query.filter(within: scopeCode))
    guard entries.count > query.limit else { return (entries, nil) }
    entries.removeLast(entries.count - query.limit)
    return (entries, entries.last?.sequence)
  }
}
