import DangVuCore
import Testing

/// A province with one district, a grassroots committee and a cell, and a second district that the
/// committee moves to on 1 March 2024.
private enum SmallTree {
  static func d(_ s: String) -> Day { Day(parsing: s)! }
  static let province = Organisation(
    id: 1, code: "KG", name: "Đảng bộ tỉnh", kind: .provincialCommittee, founded: SmallTree.d("1976-01-01"))
  static let districtA = Organisation(
    id: 2, code: "KG.01", name: "Đảng bộ huyện A", kind: .districtCommittee, founded: SmallTree.d("1980-01-01"))
  static let districtB = Organisation(
    id: 3, code: "KG.02", name: "Đảng bộ huyện B", kind: .districtCommittee, founded: SmallTree.d("1980-01-01"))
  static let committee = Organisation(
    id: 4, code: "KG.01.001", name: "Đảng bộ xã An", kind: .grassrootsCommittee, founded: SmallTree.d("1990-01-01"))
  static let cell = Organisation(
    id: 5, code: "KG.01.001.01", name: "Chi bộ ấp 1", kind: .subordinateCell, founded: SmallTree.d("1995-01-01"),
    ended: SmallTree.d("2024-06-01"))
  static let units = [province, districtA, districtB, committee, cell]
  static let links = [
    ParentLink(child: 1, parent: nil, from: SmallTree.d("1976-01-01")),
    ParentLink(child: 2, parent: 1, from: SmallTree.d("1980-01-01")),
    ParentLink(child: 3, parent: 1, from: SmallTree.d("1980-01-01")),
    ParentLink(child: 4, parent: 2, from: SmallTree.d("1990-01-01"), until: SmallTree.d("2024-03-01")),
    ParentLink(child: 4, parent: 3, from: SmallTree.d("2024-03-01")),
    ParentLink(child: 5, parent: 4, from: SmallTree.d("1995-01-01"), until: SmallTree.d("2024-06-01")),
  ]
  static func tree(on day: String) -> OrganisationTree {
    OrganisationTree(day: d(day), organisations: units, links: links)
  }
}

@Suite("The tree on a date")
struct TreeTests {
  @Test func rebuildsTheTreeAsItStoodBeforeAMove() {
    let before = SmallTree.tree(on: "2024-02-29")
    #expect(before.parentOf[4] == 2)
    #expect(before.subtree(of: 2).map(\.code) == ["KG.01", "KG.01.001", "KG.01.001.01"])
    let after = SmallTree.tree(on: "2024-03-01")
    #expect(after.parentOf[4] == 3)
    #expect(after.subtree(of: 2).map(\.code) == ["KG.01"])
    #expect(after.ancestry(of: 5).map(\.code) == ["KG.01.001.01", "KG.01.001", "KG.02", "KG"])
  }

  @Test func leavesOutUnitsNotYetFoundedOrAlreadyEnded() {
    #expect(SmallTree.tree(on: "1985-01-01").units[4] == nil)
    #expect(SmallTree.tree(on: "2024-05-31").units[5] != nil)
    #expect(SmallTree.tree(on: "2024-06-01").units[5] == nil)
  }

  @Test func refusesAKindUnderTheWrongParent() {
    #expect(throws: DomainError.self) {
      try TreeRules.checkNew(
        code: "KG.9", name: "Chi bộ lạc chỗ", kind: .subordinateCell, parent: SmallTree.districtA,
        founded: SmallTree.d("2020-01-01"), kinds: .standard, codeTaken: false)
    }
  }

  @Test func theReformOf2025ChangesWhatMaySitUnderTheProvince() {
    let kinds = UnitKindTable.standard
    let before = SmallTree.d("2025-06-30")
    let after = SmallTree.d("2025-07-01")
    #expect(kinds.allows(child: .districtCommittee, under: .provincialCommittee, on: before))
    #expect(!kinds.allows(child: .districtCommittee, under: .provincialCommittee, on: after))
    #expect(!kinds.allows(child: .communeCommittee, under: .provincialCommittee, on: before))
    #expect(kinds.allows(child: .communeCommittee, under: .provincialCommittee, on: after))
    #expect(kinds.allows(child: .grassrootsCommittee, under: .communeCommittee, on: after))
  }

  @Test func refusesAMoveThatWouldMakeACycle() {
    let tree = SmallTree.tree(on: "2023-01-01")
    do {
      try TreeRules.checkMove(
        SmallTree.districtA, under: SmallTree.committee, on: SmallTree.d("2023-01-01"), tree: tree, kinds: .standard)
      Issue.record("a cycle was accepted")
    } catch {
      #expect(error.code == "organisation.cycle")
    }
  }

  @Test func theMessageNamesWhatIsAllowed() {
    do {
      try TreeRules.checkNew(
        code: "KG.01.009", name: "Đảng bộ bộ phận", kind: .partialCommittee, parent: SmallTree.districtA,
        founded: SmallTree.d("2020-01-01"), kinds: .standard, codeTaken: false)
      Issue.record("accepted")
    } catch {
      #expect(error.code == "organisation.kindNotAllowed")
      #expect(error.message.contains("đảng bộ cơ sở"))
    }
  }
}
