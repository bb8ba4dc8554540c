import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation

/// A province built through the store for the oversight tests: districts, grassroots committees, their cells,
/// and members spread over the cells (official since 2011; the first `posts` hold a cell secretary's post).
struct OversightProvince {
  let store: any StoreEngine.Parts
  /// Grassroots committees and cells: the units inspections are about.
  let units: [String]
  let members: [Int64]

  static func build(
    in store: any StoreEngine.Parts, districts: Int, committeesPerDistrict: Int, cellsPerCommittee: Int, members: Int,
    posts: Int
  ) async throws -> OversightProvince {
    var new = [
      NewOrganisation(
        code: "KG", name: "Đảng bộ tỉnh Kiên Giang", kind: .provincialCommittee, parentCode: nil,
        founded: day("1976-01-01"))
    ]
    var units: [String] = []
    var cells: [String] = []
    for d in 0..<districts {
      let district = "KG.\(d)"
      new.append(
        NewOrganisation(
          code: district, name: "Đảng bộ huyện \(d)", kind: .districtCommittee, parentCode: "KG",
          founded: day("1980-01-01")))
      for c in 0..<committeesPerDistrict {
        let committee = "\(district).\(c)"
        new.append(
          NewOrganisation(
            code: committee, name: "Đảng bộ xã \(committee)", kind: .grassrootsCommittee, parentCode: district,
            founded: day("1990-01-01")))
        units.append(committee)
        for k in 0..<cellsPerCommittee {
          let cell = "\(committee).\(k)"
          new.append(
            NewOrganisation(
              code: cell, name: "Chi bộ \(cell)", kind: .subordinateCell, parentCode: committee,
              founded: day("1990-01-01")))
          units.append(cell)
          cells.append(cell)
        }
      }
    }
    let ids = Dictionary(uniqueKeysWithValues: try await store.addOrganisations(new).map { ($0.code, $0.id) })
    var batch: [NewMember] = []
    for i in 0..<members {
      var m = SmallProvince.member("Đảng viên \(i)", card: String(10_000_000 + i))
      if i < posts {
        m.posts = [
          LeadingPost(title: "Bí thư chi bộ", organisationCode: cells[i % cells.count], from: day("2015-01-01"))
        ]
      }
      batch.append(
        NewMember(
          member: m,
          events: SmallProvince.officialSince2011(in: ids[cells[i % cells.count]]!)))
    }
    let added = try await store.addMembers(batch)
    return OversightProvince(store: store, units: units, members: added.map(\.id))
  }

  /// Inspections of one kind begun on `started`, `perInspection` subjects each: the units first, then members.
  func inspect(
    _ kind: OversightKind, by organ: ConductingBody.Organ = .inspectionCommission, units: ArraySlice<String>,
    members: ArraySlice<Int64>, started: String, concluded: String? = nil, perInspection: Int = 200
  ) async throws {
    let subjects = units.map { OversightSubject.unit(code: $0) } + members.map { OversightSubject.member($0) }
    var batch: [Inspection] = []
    for start in stride(from: 0, to: subjects.count, by: perInspection) {
      let chunk = subjects[start..<min(start + perInspection, subjects.count)]
      batch.append(
        Inspection(
          kind: kind, body: ConductingBody(organ, of: "KG"), title: "\(kind.nameVi) đợt \(batch.count + 1)",
          started: day(started), concluded: concluded.map(day), subjects: chunk.map { InspectionSubject($0) }))
    }
    try await store.recordInspections(batch)
  }

  /// Decisions about `members` in order: `forms` gives how many of each, `categories` the violations of the i-th.
  func discipline(
    _ forms: [(DisciplineForm, Int)], members: ArraySlice<Int64>, decided: String,
    categories: (Int) -> [String]
  ) async throws {
    var batch: [DisciplineDecision] = []
    var who = members.makeIterator()
    for (form, count) in forms {
      for _ in 0..<count {
        let i = batch.count
        batch.append(
          DisciplineDecision(
            subject: .member(who.next()!), form: form, categories: categories(i),
            decidingBody: ConductingBody(.inspectionCommission, of: "KG"), number: "\(i + 1)-QĐ/UBKT",
            decided: day(decided), violated: day(decided).adding(days: -200)))
      }
    }
    try await store.recordDiscipline(batch)
  }

  /// The report as JSON, parsed back, to check what a reader of the JSON sees.
  func reportJSON(_ period: ReportPeriod) async throws -> (OversightReport, [String: [String: Any]]) {
    let report = try await store.oversightReport(period: period, scope: "KG")
    let data = try JSONEncoder().encode(report)
    let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    return (report, json["figures"] as! [String: [String: Any]])
  }
}
