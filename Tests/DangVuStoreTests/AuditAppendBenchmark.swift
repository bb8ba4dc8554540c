import DangVuCore
import Foundation
import Testing

/// Appends per second to the audit trail on each engine, one at a time and from eight tasks at once, and how fast
/// the chain verifies: a measurement (bench/audit-appends.sh, docs/performance.md), not a timed test. It runs only
/// when DANGVU_BENCH_AUDIT=1, and still checks that what it wrote is one intact chain.
@Suite("Benchmark: audit appends")
struct AuditAppendBenchmark {
  static let appends = 2_000
  static let tasks = 8

  @Test(
    .enabled(if: ProcessInfo.processInfo.environment["DANGVU_BENCH_AUDIT"] == "1"),
    arguments: StoreEngine.allCases)
  func appendsPerSecond(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      let store = t.store
      let entry = NewAuditEntry(
        actorLogin: "canbo", actorRole: Role.organisationStaff.rawValue, action: "member.update",
        subject: "member:1", scopeCode: "KG.01", before: #"{"fullName":"Nguyễn Văn An"}"#,
        after: #"{"fullName":"Nguyễn Văn Ân"}"#)
      for _ in 0..<50 { try await store.appendAudit(entry) }
      let clock = ContinuousClock()
      let oneAtATime = try await clock.measure {
        for _ in 0..<Self.appends { try await store.appendAudit(entry) }
      }
      let together = try await clock.measure {
        try await withThrowingTaskGroup(of: Void.self) { group in
          for _ in 0..<Self.tasks {
            group.addTask { for _ in 0..<(Self.appends / Self.tasks) { try await store.appendAudit(entry) } }
          }
          try await group.waitForAll()
        }
      }
      var verification: AuditVerification?
      let verifying = try await clock.measure { verification = try await store.verifyAuditChain() }
      let total = 50 + 2 * Self.appends
      #expect(verification?.isIntact == true)
      #expect(verification?.entriesChecked == total)
      func perSecond(_ count: Int, _ duration: Duration) -> Int {
        Int(Double(count) / (Double(duration.components.attoseconds) / 1e18 + Double(duration.components.seconds)))
      }
      print(
        "audit-appends \(engine.rawValue): one at a time \(perSecond(Self.appends, oneAtATime))/s, "
          + "\(Self.tasks) tasks at once \(perSecond(Self.appends, together))/s, "
          + "verify \(perSecond(total, verifying)) entries/s (\(total) entries)")
    }
  }
}
