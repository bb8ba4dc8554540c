import DangVuCore
import DangVuStore
import Foundation
import Logging
import Synchronization

/// Puts the web application's writes into the audit trail: who (the principal), what (the action and
/// record), where (the unit the record belongs to), and the record before and after as JSON.
///
/// The entry is appended right after the write, not in its transaction: the store's write methods do not
/// take an actor yet (decision 0009). A failed append is logged loudly rather than turned into an error,
/// because the write itself has happened and telling the person it failed would make them redo it.
enum AuditRecorder {
  /// Whether the current unsafe request has recorded its own entry; `AuditMiddleware` records a plain
  /// one for any successful write that did not, so no write goes unrecorded.
  final class Mark: Sendable {
    let recorded = Mutex(false)
  }

  @TaskLocal static var mark: Mark?

  /// For a POST that writes nothing (an import's check, a preview): the safety net adds none.
  static func noEntryNeeded() { mark?.recorded.withLock { $0 = true } }

  static func record(
    _ store: any AuditStore, by principal: Principal, action: String, subject: String, scopeCode: String? = nil,
    before: (any Encodable)? = nil, after: (any Encodable)? = nil
  ) async {
    mark?.recorded.withLock { $0 = true }
    do {
      try await store.appendAudit(
        NewAuditEntry(
          by: principal, action: action, subject: subject, scopeCode: scopeCode,
          before: try before.map { try NewAuditEntry.json(AnyRecord($0)) },
          after: try after.map { try NewAuditEntry.json(AnyRecord($0)) }))
    } catch {
      Logger(label: "dangvu.audit").error(
        "audit entry not recorded", metadata: ["action": "\(action)", "subject": "\(subject)", "error": "\(error)"])
    }
  }

  /// The store appended the entry inside the write's own transaction (`LifecycleRecording`): nothing more
  /// to record for this request.
  static func recordedByStore() {
    mark?.recorded.withLock { $0 = true }
  }
}

private struct AnyRecord: Encodable {
  let value: any Encodable
  init(_ value: any Encodable) { self.value = value }
  func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
