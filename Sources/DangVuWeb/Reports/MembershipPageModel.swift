import DangVuCore
import DangVuStore

/// The membership report of a subtree and period.
struct MembershipPageModel: Sendable {
  var report: MembershipReport
  var scopeCode: String
  var picker: ReportScopePicker
  var today: Day

  static func load(
    store: any ReportingStore, access: Access, scopeCode: String, period: ReportPeriod, today: Day
  ) async throws -> MembershipPageModel {
    let report = try await store.membershipReport(scope: scopeCode, period: period)
    let picker = try await ReportScopePicker.load(
      access: access, store: store, selected: scopeCode, selectedName: report.scopeName,
      on: min(today, period.through))
    return MembershipPageModel(report: report, scopeCode: scopeCode, picker: picker, today: today)
  }
}
