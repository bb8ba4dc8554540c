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
        Units and members inspected and supervised (by kind and by conducting body, in lượt and as distinct
        subjects), discipline by form and violation category, complaints and denunciations received and
        resolved; every figure against the same period a year earlier.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var period: PeriodOptions
    @Option(
      help: "The unit whose subtree the report covers (its code); the province (or every province) when left out.")
    var org: String?
    @Option(help: "json, csv or text (the drafted Vietnamese narrative).") var format: ReportFormat = .text

    func run() async throws {
      do {
        let period = try self.period.resolve()
        let db = try store.open()
        let scope: String?
        if let org { scope = org } else { scope = try await db.defaultScope() }
        let report = try await db.oversightReport(period: period, scope: scope)
        switch format {
        case .json:
          let encoder = JSONEncoder()
          encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
          print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .csv: FileHandleOutput.standardOutput.write(try CSVText.render(OversightReportCSV.rows(report)))
        case .text: FileHandleOutput.standardOutput.write(OversightNarrative.text(report))
        }
      } catch { throw fail(error) }
    }
  }
}
