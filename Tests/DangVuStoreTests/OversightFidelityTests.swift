import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

/// Builds, through the store, records whose counts are those of the published reports, and checks the
/// oversight report prints exactly their figures, with the same-period changes, in the JSON and the narrative.
@Suite("Fidelity: inspection, supervision and discipline figures of the published reports")
struct OversightFidelityTests {
  /// `quarter-report` does not name its year: it is reproduced as 2023 Q1 against 2022 Q1.
  @Test(arguments: StoreEngine.allCases) func quarterReport(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      let published = try PublishedFigures.report("quarter-report")
      let thematic = published["inspection_supervision_thematic"] as! [String: Int]
      let discipline = published["discipline_members"] as! [String: Any]
      let organisations = thematic["organisations"]!
      let members = thematic["members"]!
      let previousOrganisations = organisations - thematic["organisations_change_vs_same_period"]!
      let province = try await OversightProvince.build(
        in: store, districts: 2, committeesPerDistrict: 4, cellsPerCommittee: 6, members: 300, posts: 10)
      let units = province.units
      let people = province.members

      // 2023 Q1: thematic supervisions and inspections on signs of violation (the "chuyên đề" figure), and
      // regular inspections that must not be counted in it.
      try await province.inspect(
        .supervision(.thematic), units: units[0..<12], members: people[100..<140], started: "2023-02-10")
      try await province.inspect(
        .inspection(.signsOfViolation), units: units[12..<organisations], members: people[140..<(100 + members)],
        started: "2023-03-20", concluded: "2023-03-30")
      try await province.inspect(
        .inspection(.regular), by: .partyCommittee, units: units[30..<35], members: people[200..<210],
        started: "2023-01-05")
      // 2022 Q1, the same period a year earlier; and a thematic supervision just after 2023 Q1, not counted.
      try await province.inspect(
        .supervision(.thematic), units: units[0..<previousOrganisations], members: people[100..<150],
        started: "2022-03-01")
      try await province.inspect(.supervision(.thematic), units: units[40..<45], members: [], started: "2023-04-01")

      // Discipline in 2023 Q1: 20 reprimands, 7 warnings, 2 dismissals (members holding posts), 1 expulsion.
      let named = ["prohibitedActs", "exemplaryResponsibility", "corruption", "waste"]
      let forms: [(DisciplineForm, Int)] = [
        (.dismissal, discipline["dismissal (cách chức)"] as! Int),
        (.reprimand, discipline["reprimand (khiển trách)"] as! Int),
        (.warning, discipline["warning (cảnh cáo)"] as! Int), (.expulsion, discipline["expulsion (khai trừ)"] as! Int),
      ]
      try await province.discipline(forms, members: people[0...], decided: "2023-03-15") { [named[$0 % 4]] }
      try await province.discipline(
        [(.reprimand, 18), (.warning, 5)], members: people[250...], decided: "2022-02-15"
      ) { _ in ["other"] }

      let (report, json) = try await province.reportJSON(try .quarter(1, of: 2023))
      #expect(json["oversight.thematic.unitsDistinct"]?["current"] as? Int == organisations)
      #expect(json["oversight.thematic.unitsDistinct"]?["difference"] as? Int == 7)
      #expect(json["oversight.thematic.membersDistinct"]?["current"] as? Int == members)
      #expect(json["oversight.all.unitsDistinct"]?["current"] as? Int == organisations + 5)
      #expect(json["discipline.members"]?["current"] as? Int == discipline["total"] as? Int)
      #expect(json["discipline.members.reprimand"]?["current"] as? Int == 20)
      #expect(json["discipline.members.warning"]?["current"] as? Int == 7)
      #expect(json["discipline.members.dismissal"]?["current"] as? Int == 2)
      #expect(json["discipline.members.expulsion"]?["current"] as? Int == 1)
      #expect(json["discipline.members"]?["previous"] as? Int == 23)

      let text = OversightNarrative.text(report)
      #expect(
        text.contains(
          "Các cấp ủy, tổ chức đảng đã kiểm tra, giám sát chuyên đề 20 tổ chức đảng (tăng 7 tổ chức so với cùng kỳ) "
            + "và 59 đảng viên (tăng 9 đảng viên so với cùng kỳ)"), "\(text)")
      #expect(
        text.contains(
          "Thi hành kỷ luật 30 đảng viên (khiển trách 20, cảnh cáo 7, cách chức 2, khai trừ 1), tăng 7 đảng viên so với cùng kỳ"
        ), "\(text)")
      for violation in discipline["violations_named"] as! [String] {
        #expect(text.contains(violation), "\(violation) not named")
      }
    }
  }

  @Test(arguments: StoreEngine.allCases) func nineMonths2022(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      let published = try PublishedFigures.report("nine-months-2022")
      let oversight = published["inspection_supervision"] as! [String: Int]
      let discipline = published["discipline_members"] as! [String: Any]
      let province = try await OversightProvince.build(
        in: store, districts: 10, committeesPerDistrict: 10, cellsPerCommittee: 8, members: 9_000, posts: 20)
      let units = province.units
      let people = province.members
      let organisations = oversight["organisations"]!
      let members = oversight["members"]!

      // 2022: every kind, by both bodies; a few subjects seen twice (two lượt, one subject).
      try await province.inspect(
        .inspection(.regular), by: .partyCommittee, units: units[0..<300], members: people[0..<4_000],
        started: "2022-02-01", concluded: "2022-03-01")
      try await province.inspect(
        .supervision(.thematic), units: units[300..<600], members: people[4_000..<7_000], started: "2022-05-01")
      try await province.inspect(
        .inspection(.partyFee), units: units[600..<organisations], members: people[7_000..<members],
        started: "2022-09-30")
      try await province.inspect(
        .supervision(.regular), units: units[0..<10], members: people[0..<15], started: "2022-06-01")
      // The same nine months of 2021.
      try await province.inspect(
        .inspection(.regular), units: units[0..<700], members: people[0..<8_000], started: "2021-04-01")

      // 104 decisions: 77 reprimands, 22 warnings, 3 dismissals, 2 expulsions; 68 name prohibited acts, the
      // population policy or both; the others other categories.
      let forms: [(DisciplineForm, Int)] = [
        (.dismissal, discipline["dismissal"] as! Int), (.reprimand, discipline["reprimand"] as! Int),
        (.warning, discipline["warning"] as! Int), (.expulsion, discipline["expulsion"] as! Int),
      ]
      let both = discipline["for_prohibited_acts_and_population_policy"] as! Int
      try await province.discipline(forms, members: people[0...], decided: "2022-06-15") { i in
        switch i {
        case 0..<40: ["prohibitedActs"]
        case 40..<60: ["populationPolicy", "exemplaryResponsibility"]
        case 60..<both: ["prohibitedActs", "populationPolicy"]
        default: [["corruption", "waste", "negativePractices", "degradation"][i % 4]]
        }
      }
      try await province.discipline([(.reprimand, 80), (.warning, 10)], members: people[200...], decided: "2021-08-01")
      {
        _ in ["prohibitedActs"]
      }

      let (report, json) = try await province.reportJSON(try .nineMonths(2022))
      #expect(json["oversight.all.unitsDistinct"]?["current"] as? Int == organisations)
      #expect(json["oversight.all.membersDistinct"]?["current"] as? Int == members)
      #expect(json["oversight.all.units"]?["current"] as? Int == organisations + 10)
      #expect(json["oversight.all.members"]?["current"] as? Int == members + 15)
      #expect(json["oversight.all.unitsDistinct"]?["difference"] as? Int == organisations - 700)
      #expect(json["oversight.all.membersDistinct"]?["difference"] as? Int == members - 8_000)
      #expect(json["discipline.members"]?["current"] as? Int == discipline["total"] as? Int)
      #expect(json["discipline.members.reprimand"]?["current"] as? Int == 77)
      #expect(json["discipline.members.warning"]?["current"] as? Int == 22)
      #expect(json["discipline.members.dismissal"]?["current"] as? Int == 3)
      #expect(json["discipline.members.expulsion"]?["current"] as? Int == 2)
      #expect(json["discipline.members.prohibitedOrPopulation"]?["current"] as? Int == both)
      #expect(report.sharesVi["discipline.members.prohibitedOrPopulation"] == discipline["published_pct"] as? String)
      #expect(json["discipline.members"]?["difference"] as? Int == 14)

      let text = OversightNarrative.text(report)
      #expect(
        text.contains("đã kiểm tra, giám sát 764 tổ chức đảng (774 lượt, tăng 64 tổ chức so với cùng kỳ)"), "\(text)")
      #expect(text.contains("8.885 đảng viên (8.900 lượt, tăng 885 đảng viên so với cùng kỳ)"), "\(text)")
      #expect(
        text.contains(
          "Thi hành kỷ luật 104 đảng viên (khiển trách 77, cảnh cáo 22, cách chức 3, khai trừ 2), tăng 14 đảng viên so với cùng kỳ"
        ), "\(text)")
      #expect(
        text.contains(
          "trong đó 68 trường hợp vi phạm những điều đảng viên không được làm và chính sách dân số – kế hoạch hóa gia đình (chiếm 65%)"
        ), "\(text)")
    }
  }
}
