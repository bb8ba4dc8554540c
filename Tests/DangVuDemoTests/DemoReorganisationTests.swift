import DangVuCore
import DangVuDemo
import Testing

@Suite("The demo's 2025 reorganisation plan")
struct DemoReorganisationTests {
  static let founded = Day(year: 1976, month: 1, day: 1)!

  /// Kiên Giang with an area district of seven communes, an agency and a lone cell; a sector district of two
  /// units; and one provincial agency; plus Hà Nội, which was not merged, with one area district.
  static func tree() -> OrganisationTree {
    var units: [Organisation] = []
    var links: [ParentLink] = []
    func add(_ code: String, _ name: String, _ kind: UnitKind, under parent: String?) {
      let id = Int64(units.count + 1)
      units.append(Organisation(id: id, code: code, name: name, kind: kind, founded: founded))
      links.append(
        ParentLink(child: id, parent: parent.map { p in units.first { $0.code == p }!.id }, from: founded))
    }
    add("KG", "Đảng bộ tỉnh Kiên Giang", .provincialCommittee, under: nil)
    add("KG.01", "Đảng bộ huyện Châu Thành", .districtCommittee, under: "KG")
    let communes = [
      "thị trấn Minh Lương", "xã Bình An", "xã Vĩnh Hòa", "xã Giục Tượng", "xã Mong Thọ", "xã Thạnh Lộc",
      "xã Minh Hòa",
    ]
    for (i, name) in communes.enumerated() {
      add("KG.01.00\(i + 1)", "Đảng bộ \(name)", .grassrootsCommittee, under: "KG.01")
      add("KG.01.00\(i + 1).01", "Chi bộ ấp \(i)", .subordinateCell, under: "KG.01.00\(i + 1)")
    }
    add("KG.01.008", "Đảng bộ Cơ quan Chính quyền huyện Châu Thành", .grassrootsCommittee, under: "KG.01")
    add("KG.01.009", "Chi bộ Trường THPT Châu Thành", .grassrootsCell, under: "KG.01")
    add("KG.02", "Đảng bộ Công an tỉnh", .districtCommittee, under: "KG")
    add("KG.02.001", "Đảng bộ Phòng Cảnh sát giao thông", .grassrootsCommittee, under: "KG.02")
    add("KG.02.002", "Chi bộ Phòng Hậu cần", .grassrootsCell, under: "KG.02")
    add("KG.03", "Chi bộ Văn phòng Tỉnh ủy", .grassrootsCell, under: "KG")
    add("HN", "Đảng bộ thành phố Hà Nội", .provincialCommittee, under: nil)
    add("HN.01", "Đảng bộ quận Ba Đình", .districtCommittee, under: "HN")
    add("HN.01.001", "Đảng bộ phường Kim Mã", .grassrootsCommittee, under: "HN.01")
    return OrganisationTree(day: DemoReorganisation.day, organisations: units, links: links)
  }

  @Test func districtsEndCommunesAreFoundedAndKienGiangGoesUnderAnGiang() {
    let plan = DemoReorganisation.plan(tree: Self.tree(), areaDistricts: ["KG.01", "HN.01"], seed: 1)
    let day = DemoReorganisation.day
    #expect(plan.roots == [.init(code: "AGI-2025", name: "Đảng bộ tỉnh An Giang", provinces: ["KG"])])
    let founds = plan.changes.filter { if case .found = $0 { true } else { false } }
    // Seven communes make two (three, and four with the one left over); Hà Nội's ward makes one.
    #expect(
      founds == [
        .found(code: "HN.C001", name: "Đảng bộ phường Kim Mã", kind: .communeCommittee, parentCode: "HN", on: day),
        .found(
          code: "AGI-2025.C001", name: "Đảng bộ xã Minh Lương", kind: .communeCommittee, parentCode: "AGI-2025",
          on: day),
        .found(
          code: "AGI-2025.C002", name: "Đảng bộ xã Giục Tượng", kind: .communeCommittee, parentCode: "AGI-2025",
          on: day),
      ])
    var parentOf: [String: String] = [:]
    for case .move(let code, let parent, _) in plan.changes { parentOf[code] = parent }
    #expect(parentOf["KG.01.001"] == "AGI-2025.C001")
    #expect(parentOf["KG.01.003"] == "AGI-2025.C001")
    #expect(parentOf["KG.01.004"] == "AGI-2025.C002")
    #expect(parentOf["KG.01.007"] == "AGI-2025.C002")
    #expect(["AGI-2025.C001", "AGI-2025.C002"].contains(parentOf["KG.01.008"]))
    #expect(["AGI-2025.C001", "AGI-2025.C002"].contains(parentOf["KG.01.009"]))
    // Sector units and the province's own agencies go straight under the new province; cells stay where they are.
    #expect(parentOf["KG.02.001"] == "AGI-2025")
    #expect(parentOf["KG.02.002"] == "AGI-2025")
    #expect(parentOf["KG.03"] == "AGI-2025")
    #expect(parentOf["HN.01.001"] == "HN.C001")
    #expect(parentOf["KG.01.001.01"] == nil)
    let dissolved = plan.changes.compactMap { if case .dissolve(let code, _) = $0 { code } else { nil } }
    #expect(Set(dissolved) == ["KG.01", "KG.02", "HN.01"])
    // The merged province is taken over by its new committee, which then holds its records (decision 0040).
    let merged = plan.changes.compactMap { if case .merge(let code, let into, _) = $0 { [code, into] } else { nil } }
    #expect(merged == [["KG", "AGI-2025"]])
    // Founded before anything moves under them; dissolved after everything has left.
    let kinds = plan.changes.map(\.auditAction)
    #expect(kinds == kinds.sorted { rank($0) < rank($1) })
  }

  private func rank(_ action: String) -> Int {
    ["organisation.add": 0, "organisation.move": 1, "organisation.end": 2, "organisation.merge": 2][action] ?? 3
  }

  @Test func theMergerListCoversTheSixtyThreeProvincesAsThirtyFour() {
    let plan = DemoPlan(members: 6_000_000, seed: 1)
    let codes = plan.provinces.map(\.code)
    #expect(codes.count == 63)
    var units: [Organisation] = []
    var links: [ParentLink] = []
    for (i, code) in codes.enumerated() {
      units.append(
        Organisation(id: Int64(i + 1), code: code, name: code, kind: .provincialCommittee, founded: Self.founded))
      links.append(ParentLink(child: Int64(i + 1), parent: nil, from: Self.founded))
    }
    let reorganised = DemoReorganisation.plan(
      tree: OrganisationTree(day: DemoReorganisation.day, organisations: units, links: links), areaDistricts: [],
      seed: 1)
    #expect(reorganised.roots.count == 23)
    #expect(reorganised.roots.reduce(0) { $0 + $1.provinces.count } == 52)
    #expect(Set(reorganised.roots.flatMap(\.provinces)).count == 52)
    #expect(63 - 52 + reorganised.roots.count == 34)
  }
}
