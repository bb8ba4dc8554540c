import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import PostgresNIO
import Testing

@testable import DangVuPostgres

/// What the tree risks on PostgreSQL and not on SQLite: several servers changing it at once, values changed behind
/// DangVu's back read by typed columns. The tree's contract itself is in TreeStoreTests and TreeEditingStoreTests,
/// run on every engine.
@Suite("Store: the tree on PostgreSQL")
struct PostgresTreeTests {
  static let staff = AuditActor(login: "thu.bantochuc", role: "organisationStaff")

  enum Outcome: Sendable, Hashable {
    case done
    case refused(String)
  }

  static func attempt(_ body: () async throws -> Void) async throws -> Outcome {
    do {
      try await body()
      return .done
    } catch let error as DomainError {
      return .refused(error.code)
    } catch let error as BatchItemError {
      return .refused(error.error.code)
    }
  }

  /// Two servers (two pools) change the tree at once: 40 new cells, the same code founded four times, the same unit
  /// moved and renamed by both on the same day. The tree's lock lets each change check the tree the previous one
  /// left: one founding of the code, one move and one rename go through and the others are refused as on SQLite,
  /// no unit has two open links, and every change that went through has its one entry in one intact chain.
  @Test func twoServersChangingTheTreeAtOnceLoseNothing() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      let ids = try await SmallProvince.load(into: stores[0])
      var changes: [(server: Int, change: TreeChange)] = []
      for server in 0..<2 {
        for n in 1...20 {
          changes.append(
            (
              server,
              .found(
                code: "KG.01.001.\(server)\(String(format: "%02d", n))", name: "Chi bộ \(server)-\(n)",
                kind: .subordinateCell, parentCode: "KG.01.001", on: day("2024-02-01"))
            ))
        }
        for _ in 0..<2 {
          changes.append(
            (
              server,
              .found(
                code: "KG.01.001.99", name: "Chi bộ trùng mã", kind: .subordinateCell, parentCode: "KG.01.001",
                on: day("2024-02-01"))
            ))
        }
        changes.append((server, .move(code: "KG.02.001", parentCode: "KG.01", on: day("2024-03-01"))))
        changes.append(
          (server, .rename(code: "KG.02", name: "Đảng bộ huyện Tân Hiệp \(server)", on: day("2024-04-01"))))
      }
      let outcomes = try await withThrowingTaskGroup(of: (TreeChange, Outcome).self) { group in
        for (server, change) in changes {
          group.addTask {
            (change, try await Self.attempt { try await stores[server].changeTree(change, by: Self.staff) })
          }
        }
        var outcomes: [(TreeChange, Outcome)] = []
        for try await outcome in group { outcomes.append(outcome) }
        return outcomes
      }
      func results(of code: String) -> [Outcome] { outcomes.filter { $0.0.code == code }.map(\.1) }
      #expect(outcomes.filter { $0.1 == .done }.count == 43)
      let twice = results(of: "KG.01.001.99")
      #expect(twice.filter { $0 == .done }.count == 1)
      #expect(twice.filter { $0 == .refused("organisation.duplicateCode") }.count == 3)
      #expect(Set(results(of: "KG.02.001")) == [.done, .refused("organisation.laterChange")])
      #expect(Set(results(of: "KG.02")) == [.done, .refused("organisation.laterChange")])

      let links = try await stores[1].parentHistory(ofCode: "KG.02.001")
      #expect(links.map(\.parent) == [ids["KG.02"], ids["KG.01"]])
      #expect(links.filter { $0.until == nil }.count == 1)
      #expect(try await stores[1].nameHistory(ofCode: "KG.02").count == 2)
      let tree = try await stores[1].tree(on: day("2024-06-01"), root: "KG.01.001")
      #expect(tree.children(of: ids["KG.01.001"]!).count == 2 + 40 + 1)
      let all = try await stores[0].allOrganisations()
      #expect(all.units.count == SmallProvince.units.count + 41)
      #expect(Set(all.units.map(\.id)).count == all.units.count)

      let verification = try await stores[0].verifyAuditChain()
      #expect(verification.isIntact && verification.entriesChecked == 43, "\(verification.broken?.messageVi ?? "")")
      let entries = try await stores[1].auditEntries(AuditFilter(limit: 100))
      #expect(entries.filter { $0.action == "organisation.add" }.count == 41)
      #expect(entries.filter { $0.action == "organisation.move" }.count == 1)
      #expect(entries.filter { $0.action == "organisation.rename" }.count == 1)
    }
  }

  /// A generation moved by one server is seen by the other: caches on every server drop what they kept.
  @Test func aWriteOnOneServerMovesTheGenerationTheOtherReads() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      _ = try await SmallProvince.load(into: stores[0])
      let seen = try #require(try await stores[1].dataGeneration())
      try await stores[0].moveOrganisation(code: "KG.02.001", underParent: "KG.01", on: day("2024-03-01"))
      #expect(try #require(try await stores[1].dataGeneration()) > seen)
      // A refused write commits nothing, and moves nothing.
      let after = try await stores[1].dataGeneration()
      await #expect(throws: DomainError.self) {
        try await stores[0].moveOrganisation(code: "KG.02.001", underParent: "KG.01", on: day("2024-03-01"))
      }
      #expect(try await stores[1].dataGeneration() == after)
    }
  }

  /// A unit whose kind is not in the kind table, or a day column turned into text, is refused with the column and
  /// the value named, as SQLite refuses a value it does not know: never read as some kind or some day.
  @Test func unknownStoredValuesAreRefusedNamingTheirColumn() async throws {
    try await StoreEngine.postgres.withTreeStore { t in
      _ = try await t.province()
      try await t.behindTheStoresBack(
        "ALTER TABLE organisation DROP CONSTRAINT organisation_kind_fkey",
        "UPDATE organisation SET kind = 'ancientCouncil' WHERE code = 'KG.02'")
      let kind = await #expect(throws: DomainError.self) { try await t.store.organisation(code: "KG.02") }
      #expect(kind?.code == "store.unknownValue")
      #expect(kind?.message.contains("organisation.kind") == true && kind?.message.contains("“ancientCouncil”") == true)
      await #expect(throws: DomainError.self) { try await t.store.tree(on: day("2024-01-01"), root: nil) }

      try await t.behindTheStoresBack(
        "ALTER TABLE organisation_parent ALTER COLUMN valid_from TYPE text",
        "UPDATE organisation_parent SET valid_from = 'hôm qua' WHERE child_id = (SELECT id FROM organisation WHERE code = 'KG.01')"
      )
      let link = await #expect(throws: DomainError.self) { try await t.store.parentHistory(ofCode: "KG.01") }
      #expect(link?.code == "store.unknownValue")
      #expect(
        link?.message.contains("organisation_parent.valid_from") == true && link?.message.contains("“hôm qua”") == true)
    }
  }
}
