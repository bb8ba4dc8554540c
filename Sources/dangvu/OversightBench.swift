import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

extension BenchCommand {
  /// The oversight report's latency, warm, for a term at the root, a year at the root, and a quarter of a district.
  struct OversightBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "oversight",
      abstract: "Oversight report latency, warm: the term at the root (every province), a year, a district's quarter.")

    @OptionGroup var store: StoreOptions
    @Option(help: "The term to report, e.g. 2020-2025.") var term: String = "2020-2025"
    @Option(help: "Reports to time for each case.") var runs: Int = 50

    func run() async throws {
      do {
        let db = try await store.open()
        let term = try ReportPeriod(parsing: self.term)
        let root = try await db.defaultScope()
        let rootCode = try await db.rootCode()
        let rootUnit = try await db.organisation(code: rootCode)!
        let year = try ReportPeriod.year(2023)
        let district =
          try await db.tree(on: year.through, root: rootCode).children(of: rootUnit.id).first?.code ?? rootCode
        let cases: [(String, ReportPeriod, String?)] = [
          ("\(term.nameVi), \(root ?? "every province")", term, root),
          ("\(year.nameVi), \(root ?? "every province")", year, root),
          ("\(term.nameVi), \(rootCode) (its subtree)", term, rootCode),
          ("quý I năm 2023, \(district)", try .quarter(1, of: 2023), district),
        ]
        for (label, period, scope) in cases {
          let times = try await LatencySummary.time(runs: runs, warmUp: 3) {
            _ = try await db.oversightReport(period: period, scope: scope)
          }
          let r = try await db.oversightReport(period: period, scope: scope)
          print(
            LatencySummary(
              label:
                "oversight report \(label): \(r["oversight.all.members"]) member lượt, \(r["discipline.members"]) disciplined, \(runs) runs",
              times: times
            ).text)
        }
      } catch { throw fail(error) }
    }
  }
}
