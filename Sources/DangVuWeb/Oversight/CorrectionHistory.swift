import DangVuCore
import DangVuStore
import Foundation

/// One correction of an oversight record (a decision, a complaint, an inspection) as its audit entry keeps it: when,
/// by whom, why, and what the record said before. The trail is the history of changes (decision 0030), so the pages
/// read it back from there rather than from a table of their own.
struct CorrectionLine<Record: Decodable & Sendable>: Sendable {
  var day: Day
  var actor: String
  var reason: String
  var before: Record

  init?(_ entry: AuditEntry) {
    guard
      let before = entry.before.flatMap({ try? JSONDecoder().decode(Record.self, from: Data($0.utf8)) }),
      let after = entry.after.flatMap({ try? JSONDecoder().decode(CorrectionReason.self, from: Data($0.utf8)) })
    else { return nil }
    self.day = entry.time.day
    self.actor = entry.actorLogin
    self.reason = after.reason
    self.before = before
  }

  /// The corrections the store's `action` (`inspection.correct`…) recorded for `subject` (`inspection:12`), newest
  /// first.
  static func load(action: String, subject: String, from store: any AuditStore) async throws -> [Self] {
    try await store.auditEntries(AuditFilter(action: action, subject: subject)).compactMap(Self.init)
  }

  /// The table of corrections, or `none` when there is none; `said` tells what the record said before.
  static func table(_ lines: [Self], none: String, said: (Record) -> HTML) -> HTML {
    guard !lines.isEmpty else { return "<p class=\"muted\">\(none)</p>" }
    let rows = lines.map { line -> HTML in
      """
      <tr><td>\(line.day.vietnamese)</td><td>\(line.actor)</td><td>\(line.reason)</td><td>\(said(line.before))</td></tr>
      """
    }
    return """
      <div class="table"><table><thead><tr><th>Ngày sửa</th><th>Người sửa</th><th>Lý do</th>\
      <th>Trước khi sửa</th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
  }
}

/// The reason a correction's entry keeps beside the corrected record (`after`).
private struct CorrectionReason: Decodable { var reason: String }

typealias DisciplineCorrectionLine = CorrectionLine<DisciplineDecision>
