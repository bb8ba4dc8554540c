import DangVuCore
import DangVuStore

/// The inspection, supervision and discipline report of a subtree and period.
struct OversightPageModel: Sendable {
  var report: OversightReport
  var scopeCode: String
  var picker: ReportScopePicker
  var today: Day

  static func load(
    store: any ReportingStore, access: Access, scopeCode: String, period: ReportPeriod, today: Day
  ) async throws -> OversightPageModel {
    let report = try await store.oversightReport(period: period, scope: scopeCode)
    let picker = try await ReportScopePicker.load(
      access: access, store: store, selected: scopeCode, selectedName: report.scopeName,
      on: min(today, period.through))
    return OversightPageModel(report: report, scopeCode: scopeCode, picker: picker, today: today)
  }
}
