import DangVuCore
import Foundation
import GRDB
import Testing

@testable import DangVuStore

/// `checkAggregates`: the sums kept on every write equal the same sums recomputed from the records, and a
/// kept sum that drifted is named by its row.
@Suite("Store: kept sums against the records")
struct AggregateCheckTests {
  @Test func aDemoWithGradesAndOversightIsConsistent() async throws {
    let (store, _) = try await BackupTests.demoStore()
    let check = try await store.checkAggregates()
    #expect(check.isConsistent, "\(check.linesVi)")
    #expect(check.tables.map(\.name) == ["grade_rollup", "excellent_cap", "member_stock", "oversight_rollup"])
    #expect(check.tables.allSatisfy { $0.rows > 0 && !$0.stale }, "every table compared something")
  }

  @Test func aDriftedSumInEachTableIsNamed() async throws {
    let (store, path) = try await BackupTests.demoStore()
    // Earlier drifts stay: each table is compared on its own.
    for (table, sql) in [
      (
        "grade_rollup",
        """
        UPDATE grade_rollup SET count = count + 1 WHERE (year, unit_id, subject_key, outcome) =
          (SELECT year, unit_id, subject_key, outcome FROM grade_rollup WHERE count > 0 LIMIT 1)
        """
      ),
      (
        "excellent_cap",
        """
        UPDATE excellent_cap SET excellent = excellent + 1 WHERE (year, unit_id) =
          (SELECT year, unit_id FROM excellent_cap LIMIT 1)
        """
      ),
      (
        "member_stock",
        """
        DELETE FROM member_stock WHERE (unit_id, key, month) =
          (SELECT unit_id, key, month FROM member_stock WHERE delta <> 0 LIMIT 1)
        """
      ),
      (
        "oversight_rollup",
        """
        UPDATE oversight_rollup SET count = count - 1 WHERE (month_no, group_no, is_member, previous_month_no) =
          (SELECT month_no, group_no, is_member, previous_month_no FROM oversight_rollup WHERE count > 0 LIMIT 1)
        """
      ),
    ] {
      try AuditStoreTests.behindTheStoresBack(path, sql)
      let check = try await store.checkAggregates()
      let found = try #require(check.tables.first { $0.name == table })
      #expect(found.differing == 1, "\(table)")
      #expect(!check.isConsistent)
      #expect(check.linesVi.contains { $0.hasPrefix("\(table): 1 trên") && $0.contains("KHÔNG khớp") })
    }
  }

  @Test func staleRegisterSumsAreNotCompared() async throws {
    let (store, path) = try await BackupTests.demoStore()
    try AuditStoreTests.behindTheStoresBack(path, "UPDATE member_stock_state SET stale = 1; DELETE FROM member_stock;")
    let check = try await store.checkAggregates()
    #expect(check.tables.first { $0.name == "member_stock" }?.stale == true)
    #expect(check.isConsistent)
  }
}
