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
  /// The day the page is shown: a decision's form "now" is read on it.
  var today: Day

  /// `kept` holds the records while the store is unchanged: a province's year of records took about 50 ms of
  /// server CPU a request at national scale (docs/performance.md), and the page is opened far more than written.
  static func load(
    access: Access, unitCode: String, period: ReportPeriod, periodText: String, csrf: HTML,
    kept: GenerationCache<OversightRecords>, in store: any OversightStore & TreeStore
  ) async throws -> OversightRecordsPageModel {
    let unit = try await access.unit(code: unitCode, on: period.through)
    let records = try await records(of: unit, period: period, store: store, kept: kept)
    return OversightRecordsPageModel(
      period: period, periodText: periodText, unit: unit, records: records,
      canEdit: access.principal.allows(.editOversight), csrf: csrf, today: access.today)
  }

  /// The records of a unit's subtree (checked by the caller) in the period, at most `limit` of each kind.
  static func records(
    of unit: Organisation, period: ReportPeriod, store: any OversightStore & TreeStore,
    kept: GenerationCache<OversightRecords>
  ) async throws -> OversightRecords {
    try await kept.value(
      key: "\(unit.code)|\(period.from.iso)|\(period.through.iso)", of: store
    ) {
      try await store.oversightRecords(scope: unit.code, from: period.from, to: period.through, limit: limit)
    }
  }
}
