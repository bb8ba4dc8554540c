import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

extension BenchCommand {
  /// The data-quality page's work (issue 24, target under 200 ms for the country): the per-cell counts of the whole
  /// register (once per change of the data, then kept), and the report of a unit built from them.
  struct DataQualityBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "data-quality",
      abstract: "Time the register's completeness report: counting once after a change, then each report.")

    @OptionGroup var store: StoreOptions
    @Option(help: "The unit (default: the whole tree, every province).") var org: String?
    @Option(help: "Reports to time after the first.") var runs: Int = 30

    func run() async throws {
      do {
        let db = try await store.open()
        let cache = RegisterCompletenessCache()
        let start = ContinuousClock.now
        guard
          let first = RegisterCompletenessReport.build(code: org, totals: try await cache.totals(of: db, on: .today))
        else { throw DomainError("bench.unknownUnit", "Không có đơn vị \(org ?? "") hôm nay.") }
        let cold = (ContinuousClock.now - start).milliseconds
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
          let begin = ContinuousClock.now
          _ = RegisterCompletenessReport.build(code: org, totals: try await cache.totals(of: db, on: .today))
          times.append((ContinuousClock.now - begin).milliseconds)
        }
        print(
          "data quality of \(first.unit.name) (\(first.unit.counts.members) members, \(first.below.count) units below)")
        print(String(format: "  first (counting the register): %.1f ms", cold))
        print(LatencySummary(label: "  then, counts kept (\(runs) runs)", times: times).text)
      } catch {
        throw fail(error)
      }
    }
  }
}
