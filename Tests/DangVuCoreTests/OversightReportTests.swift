import DangVuCore
import Testing

@Suite("Oversight report: figures, shares, changes, narrative and CSV")
struct OversightReportTests {
  static func report() throws -> OversightReport {
    var now = OversightCounts(categories: ViolationCategory.standard)
    var before = OversightCounts(categories: ViolationCategory.standard)
    now.addVisits(kind: .supervision(.thematic), organ: .inspectionCommission, members: false, count: 22)
    now.addSubjects(kinds: [.supervision(.thematic)], organs: [.inspectionCommission], members: false, count: 20)
    before.addVisits(kind: .supervision(.thematic), organ: .inspectionCommission, members: false, count: 13)
    before.addSubjects(kinds: [.supervision(.thematic)], organs: [.inspectionCommission], members: false, count: 13)
    for _ in 0..<3 { now.addDiscipline(member: true, form: .reprimand, categories: ["prohibitedActs"]) }
    now.addDiscipline(member: true, form: .expulsion, categories: ["corruption"])
    now.addComplaints(kind: .denunciation, finding: .correct, members: true, received: 2, resolved: 1)
    return OversightReport(
      period: try .quarter(1, of: 2023), scopeCode: "KG", scopeName: "Đảng bộ tỉnh Kiên Giang",
      categories: ViolationCategory.standard, current: now, previous: before)
  }

  @Test func everyFigureHasItsChangeAgainstTheSamePeriod() throws {
    let r = try Self.report()
    #expect(r.previousPeriod == (try .quarter(1, of: 2022)))
    #expect(r.figures["oversight.thematic.unitsDistinct"]?.changeVi == "tăng 7")
    #expect(r.figures["oversight.thematic.units"]?.difference == 9)
    #expect(r.figures["discipline.members"]?.changeVi == "tăng 4")
    #expect(r.figures["oversight.regular.units"]?.changeVi == "bằng cùng kỳ")
  }

  @Test func disciplineSharesAreWholePercentsOfAllMemberDecisions() throws {
    let r = try Self.report()
    #expect(r.sharesVi["discipline.members.reprimand"] == "75")
    #expect(r.sharesVi["discipline.members.prohibitedOrPopulation"] == "75")
    #expect(r.sharesVi["discipline.members.category.corruption"] == "25")
  }

  @Test func theNarrativeCountsSubjectsOnceAndGivesTheLuotWhenTheyDiffer() throws {
    let text = OversightNarrative.text(try Self.report())
    #expect(text.hasPrefix("Quý I năm 2023, các cấp ủy"))
    #expect(text.contains("kiểm tra, giám sát chuyên đề 20 tổ chức đảng (22 lượt, tăng 7 tổ chức so với cùng kỳ)"))
    #expect(text.contains("Thi hành kỷ luật 4 đảng viên (khiển trách 3, cảnh cáo 0, cách chức 0, khai trừ 1)"))
    #expect(text.contains("(chiếm 75%)"))
    #expect(text.contains("Tiếp nhận 2 đơn khiếu nại, tố cáo (khiếu nại 0, tố cáo 2)"))
    #expect(text.contains("giải quyết 1 đơn (đúng 1, sai 0, đúng một phần 0)"))
  }

  @Test func csvHasOneRowPerFigure() throws {
    let r = try Self.report()
    let rows = OversightReportCSV.rows(r)
    #expect(rows[0] == OversightReportCSV.header)
    #expect(rows.count == r.figures.count + 1)
    #expect(rows.contains(["2023-01-01", "2023-03-31", "KG", "oversight.thematic.unitsDistinct", "20", "13", "7", ""]))
  }
}
