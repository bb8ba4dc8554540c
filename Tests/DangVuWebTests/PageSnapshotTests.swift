import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import SnapshotTesting
import Testing

@testable import DangVuWeb

/// The pages as a user receives them, whole, on a real database and a fixed day (issue 23 part 7): each is compared
/// with the approved copy in `__Snapshots__/PageSnapshotTests/`, beside the `contains` checks of the other suites,
/// so a change anywhere on a page shows in review. After a deliberate change, delete the file and run the test once
/// to record the new copy (it fails that once), then read the diff before committing it.
@Suite(.snapshots(record: .missing)) struct PageSnapshotTests {
  /// 1 December 2026, 09:00 in Vietnam: the day every page is answered on.
  static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_796_090_400) }

  /// The small province, with a 2024 evaluation graded in the cell Phước Hòa and a thematic supervision.
  static func province() async throws -> SQLiteStore {
    let (store, _) = try await WebProvince.store()
    try await store.openEvaluationCycle(scope: "KG", year: 2024, evaluationDate: day("2024-12-15"))
    let an = try #require(try await store.member(cardNumber: "1001")).id
    let bich = try #require(try await store.member(cardNumber: "1002")).id
    try await store.recordGrades(
      [
        GradeEntry(subject: .member(an), outcome: .graded(.excellent)),
        GradeEntry(subject: .member(bich), outcome: .graded(.good)),
        GradeEntry(subject: .organisation(code: "KG.01.001.01"), outcome: .graded(.good)),
      ], year: 2024)
    return store
  }

  /// A page as the province's administrator gets it on the fixed day, with the one thing that differs between runs
  /// (the session's form token) blanked.
  static func page(_ uri: String, store: SQLiteStore) async throws -> String {
    let session = try await signIn(store)
    let response = try await send(
      .get, uri, to: store, headers: session.headers, options: WebOptions(clock: clock))
    #expect(response.status == .ok, "\(uri)")
    return response.body.replacingOccurrences(of: session.csrf, with: "CSRF")
  }

  @Test(arguments: [
    ("tree", "/?ngay=2024-06-01"),
    ("unit", "/to-chuc/KG.01.001.01?ngay=2024-06-01"),
    ("member", "/dang-vien/1"),
    ("evaluation-report", "/bao-cao/danh-gia?nam=2024&to-chuc=KG"),
    ("membership-report", "/bao-cao/dang-vien?ky=2024&to-chuc=KG"),
    ("oversight-report", "/bao-cao/kiem-tra?ky=2024&to-chuc=KG"),
    ("dashboard", "/tong-quan?to-chuc=KG"),
  ])
  func aPageIsAsApproved(name: String, uri: String) async throws {
    let store = try await Self.province()
    let page = try await Self.page(uri, store: store)
    assertSnapshot(of: page, as: .lines, named: name)
  }
}
