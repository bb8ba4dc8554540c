import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

/// The register at a size where indexes matter, on every engine: members added per second, and each search's time,
/// with every engine's hits required to be the same members in the same order as SQLite in memory's. A measurement
/// (bench/register-search.sh, docs/decisions/0044), not a timed test: it runs only when DANGVU_BENCH_REGISTER=1.
@Suite("Benchmark: the register's search on every engine")
struct RegisterSearchBenchmark {
  static let members = 50_000
  static let batch = 5_000
  static let surnames = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý",
  ]
  static let middles = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Quang", "Kim", "Xuân"]
  static let given = [
    "An", "Bình", "Cường", "Dũng", "Đào", "Giang", "Hà", "Hải", "Hùng", "Hương", "Khánh", "Lan", "Long", "Mai",
    "Nam", "Ngân", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Yến",
  ]
  /// What people type: a whole name, a surname and middle name, a given name alone, a name still being typed,
  /// words out of order, and without marks.
  static let queries = [
    "Nguyễn Văn An", "tran thi", "dung", "nguyen v", "hung nguyen", "Đặng Thị Đào", "le", "pham minh t", "yen",
    "vo quang son",
  ]

  /// The same members on every engine: names drawn by a seeded generator, spread over the province's three cells.
  static func batches(cells: [Int64]) -> [[NewMember]] {
    var state: UInt64 = 0x2026_1207
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let all = (0..<members).map { n in
      let name = "\(surnames[next(surnames.count)]) \(middles[next(middles.count)]) \(given[next(given.count)])"
      return NewMember(
        member: SmallProvince.member(name, card: String(format: "%08d", n + 1)),
        events: [SmallProvince.admitted(cells[n % cells.count], on: "2010-01-01")])
    }
    return stride(from: 0, to: all.count, by: batch).map { Array(all[$0..<min($0 + batch, all.count)]) }
  }

  @Test(.enabled(if: ProcessInfo.processInfo.environment["DANGVU_BENCH_REGISTER"] == "1"))
  func searchOnEveryEngine() async throws {
    var expected: [String: [MemberHit]] = [:]
    for engine in StoreEngine.allCases {
      try await engine.withRegisterStore { store in
        let ids = try await SmallProvince.load(into: store)
        let cells = ["KG.01.001.01", "KG.01.001.02", "KG.02.001"].map { ids[$0]! }
        let clock = ContinuousClock()
        let loading = try await clock.measure {
          for batch in Self.batches(cells: cells) { try await store.addMembers(batch) }
        }
        var line = "register-search \(engine.rawValue): \(Self.members) members added at "
        line += "\(Int(Double(Self.members) / Self.seconds(loading)))/s;"
        for query in Self.queries {
          var hits: [MemberHit] = []
          var times: [Duration] = []
          for _ in 0..<21 {
            times.append(
              try await clock.measure {
                hits = try await store.searchMembers(query, within: "KG.01", on: day("2024-01-01"), limit: 100)
              })
          }
          if let first = expected[query] {
            let differ = (0..<max(hits.count, first.count)).first { i in
              i >= hits.count || i >= first.count || hits[i] != first[i]
            }
            let theirs = hits.dropFirst(differ ?? 0).prefix(3).map { "\($0.id) \($0.fullName)" }
            let sqlite = first.dropFirst(differ ?? 0).prefix(3).map { "\($0.id) \($0.fullName)" }
            #expect(
              differ == nil,
              "\(engine.rawValue) answers “\(query)” otherwise than SQLite in memory from hit \(differ ?? 0): \(theirs) against \(sqlite)"
            )
          } else {
            expected[query] = hits
          }
          times.sort()
          line += " “\(query)” \(hits.count) hits \(Self.milliseconds(times[10]))/\(Self.milliseconds(times[20])) ms;"
        }
        var entries: [RegisterEntry] = []
        let register = try await clock.measure {
          entries = try await store.register(of: "KG.01", on: day("2024-01-01"))
        }
        #expect(entries.count == Self.members * 2 / 3 + (Self.members % 3 == 0 ? 0 : 1))
        line += " register of KG.01 (\(Self.members * 2 / 3) members) \(Self.milliseconds(register)) ms"
        print(line)
      }
    }
  }

  static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
  }

  static func milliseconds(_ d: Duration) -> String { String(format: "%.1f", seconds(d) * 1000) }
}
