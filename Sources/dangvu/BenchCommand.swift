import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

/// Benchmarks run against a real database file (usually the national demo); figures go to docs/performance.md.
struct BenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench", abstract: "Measure DangVu on a database: search latency and more.",
    subcommands: [
      SearchBench.self, EvaluationBench.self, MembershipBench.self, OversightBench.self, ImportBench.self,
      DataQualityBench.self,
    ])

  struct SearchBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "search",
      abstract:
        "Search latency over names as people type them: full names, surname and given name, given names, prefixes.")

    @OptionGroup var store: StoreOptions
    @Option(help: "How many queries to time.") var queries: Int = 2000
    @Option(help: "Results per query, as the search page asks.") var limit: Int = 50
    @Option(help: "Seed for choosing the queries.") var seed: UInt64 = 7

    func run() async throws {
      do {
        let db = try store.openFile(
          for: "Đo tìm kiếm", onPostgres: "hãy dùng bench/register-search.sh, đo cả hai máy (docs/performance.md).")
        let sample = try await db.sampleMemberNames(count: max(50, queries / 4), seed: seed)
        guard !sample.isEmpty else {
          throw DomainError("bench.empty", "Cơ sở dữ liệu chưa có đảng viên; hãy chạy `dangvu demo` trước.")
        }
        var generator = SplitMix(seed: seed)
        let texts = (0..<queries).map { i in
          SearchBench.query(from: sample[Int(generator.next() % UInt64(sample.count))], style: i % 5)
        }
        // Warm the cache.
        for text in texts.prefix(50) { _ = try await db.searchMembers(text, within: nil, on: .today, limit: limit) }
        var times: [Double] = []
        var byStyle: [[Double]] = Array(repeating: [], count: 5)
        var slowest: [(ms: Double, text: String)] = []
        var found = 0
        for (i, text) in texts.enumerated() {
          let start = ContinuousClock.now
          found += try await db.searchMembers(text, within: nil, on: .today, limit: limit).count
          let ms = (ContinuousClock.now - start).milliseconds
          times.append(ms)
          byStyle[i % 5].append(ms)
          slowest.append((ms, text))
        }
        let members = try await db.statistics().members
        print(
          LatencySummary(label: "search over \(members) members, \(queries) queries, limit \(limit)", times: times).text
        )
        let styles = ["whole name", "name without marks", "surname and given name", "given name", "6-letter prefix"]
        for (style, label) in styles.enumerated() {
          print(LatencySummary(label: "  \(label)", times: byStyle[style]).text)
        }
        let worst = slowest.sorted { $0.ms > $1.ms }.prefix(5).map { "\($0.text) (\(Int($0.ms)) ms)" }
        print("slowest: " + worst.joined(separator: ", "))
        print("results per query on average: \(found / max(1, queries))")
      } catch { throw fail(error) }
    }

    /// Five ways people type a name: whole, without marks, surname and given name, given name, a prefix.
    static func query(from name: String, style: Int) -> String {
      let words = name.split(separator: " ").map(String.init)
      switch style {
      case 0: return name
      case 1: return SearchFolding.fold(name)
      case 2: return words.count > 1 ? "\(words.first!) \(words.last!)" : name
      case 3: return words.last ?? name
      default: return String(SearchFolding.fold(name).prefix(6))
      }
    }
  }
  struct EvaluationBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "evaluation",
      abstract:
        "Evaluation report latency, warm: everything (every province of a national database), one province, one district."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "The evaluation year.") var year: Int
    @Option(help: "Reports to time for each scope.") var runs: Int = 200

    func run() async throws {
      do {
        let db = try await store.open()
        let root = try await db.rootCode()
        let rootUnit = try await db.organisation(code: root)!
        let date = Day.lastDay(ofYear: year).adding(days: -16)
        let district = try await db.tree(on: date, root: root).children(of: rootUnit.id).first?.code ?? root
        let everything: String? = nil
        for scope in [everything, root, district] {
          let times = try await LatencySummary.time(runs: runs) {
            _ = try await db.evaluationReport(year: year, scope: scope)
          }
          let members = try await db.evaluationReport(year: year, scope: scope).members.counts.total
          print(
            LatencySummary(
              label:
                "evaluation report \(year) for \(scope ?? "every province") (\(members) members graded), \(runs) runs",
              times: times
            ).text)
        }
      } catch { throw fail(error) }
    }
  }
}

/// Percentiles of a list of timings, in milliseconds.
struct LatencySummary {
  let label: String
  let times: [Double]

  /// Runs `body` a few times to warm the caches, then `runs` times, timing each run.
  static func time(runs: Int, warmUp: Int = 5, _ body: () async throws -> Void) async throws -> [Double] {
    for _ in 0..<warmUp { try await body() }
    var times: [Double] = []
    for _ in 0..<runs {
      let start = ContinuousClock.now
      try await body()
      times.append((ContinuousClock.now - start).milliseconds)
    }
    return times
  }

  var text: String {
    let sorted = times.sorted()
    func p(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
    return String(
      format: "%@\n  p50 %.2f ms   p90 %.2f ms   p99 %.2f ms   max %.2f ms   mean %.2f ms", label, p(0.5), p(0.9),
      p(0.99), sorted.last ?? 0, times.reduce(0, +) / Double(max(1, times.count)))
  }
}

/// A small seedable generator for choosing benchmark inputs repeatably.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension Duration {
  var milliseconds: Double {
    let (s, atto) = components
    return Double(s) * 1000 + Double(atto) / 1e15
  }
}
