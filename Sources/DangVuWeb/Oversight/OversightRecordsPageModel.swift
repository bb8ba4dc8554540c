import DangVuCore
import DangVuStore

/// The inspection commission's page for a subtree and period: inspections and supervisions, discipline
/// decisions (with appeals), complaints and denunciations, newest first.
struct OversightRecordsPageModel: Sendable {
  /// One page shows at most this many of each kind; a narrower period or unit shows the rest.
  static let limit = 200

  var period: ReportPeriod
  var periodText: String
  var unit: Organisation
  var records: OversightRecords
  var canEdit: Bool
  var csrf: HTML

  static func load(access: Access, unitCode: String, period: ReportPeriod, periodText: String, csrf: HTML)
    async throws -> OversightRecordsPageModel
  {
    let unit = try await access.unit(code: unitCode, on: period.through)
    let records = try await access.store.oversightRecords(
      scope: unit.code, from: period.from, to: period.through, limit: limit)
    return OversightRecordsPageModel(
      period: period, periodText: periodText, unit: unit, records: records,
      canEdit: access.principal.allows(.editOversight), csrf: csrf)
  }
}
