import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

extension ReportCommand {
  /// `dangvu report oversight`: inspection, supervision, discipline and complaints for a subtree and period.
  struct Oversight: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "oversight",
      abstract: "The inspection, supervision and discipline report (công tác kiểm tra, giám sát, kỷ luật đảng).",
      discussion: """
        Units and members inspected and supervised (by kind, by conducting body and every kind by body, in lượt
        and as distinct subjects), discipline by form and violation category, complaints and denunciations
        received and resolved (also by whom they are about); every figure against the same period a year
        earlier, a term against the term before. `--term 2020-2025 --until 2023-06-30` is a mid-term review
        (sơ kết giữa nhiệm kỳ) from the term's start to that day.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
      do {
        let db = try await store.open()
        let period = try period.resolve()
        let scope = try await output.scope(in: db, on: period.through)
        let report = try await db.oversightReport(period: period, scope: scope)
        try await output.write(
          report, sheet: "Kiểm tra, giám sát, kỷ luật", csv: OversightReportCSV.rows, text: OversightNarrative.text,
          document: .init(store: db, scope: scope, day: period.through, build: PartyReportDocument.oversight))
      } catch { throw fail(error) }
    }
  }
}
