import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

/// Builds, through the store, a record-level province whose 2022 and 2023 grades give exactly the counts of
/// `evaluation-2023`, runs the report, and checks every count and percentage in the JSON and the narrative.
@Suite("Fidelity: the 2023 evaluation report of Kiên Giang")
struct EvaluationFidelityTests {
  static let evaluation2023 = day("2023-12-15")
  static let evaluation2022 = day("2022-12-15")

  /// One kind's published outcomes as a list of proposals, in a fixed order.
  static func proposals(_ f: [String: Any], notEvaluated reason: NotEvaluatedReason) -> [GradeOutcome] {
    let excellent = f["excellent"] as! Int
    let good = (f["good_or_above"] as! Int) - excellent
    return Array(repeating: .graded(.excellent), count: excellent) + Array(repeating: .graded(.good), count: good)
      + Array(repeating: .graded(.complete), count: f["complete"] as! Int)
      + Array(repeating: .graded(.notComplete), count: f["not_complete"] as! Int)
      + Array(repeating: .notEvaluated(reason), count: f["not_evaluated"] as! Int)
  }

  @Test func reproducesEveryPublishedFigure() async throws {
    let published = try PublishedFigures.report("evaluation-2023")
    let orgFigures = published["organisations"] as! [String: [String: Any]]
    let memberFigures = published["members"] as! [String: Any]
    let collectiveFigures = published["leadership_collectives"] as! [String: Any]
    let cadreFigures = published["leadership_cadres"] as! [String: Any]
    let store = try SQLiteStore.inMemory()

    // The tree: 19 districts; grassroots committees, grassroots cells, partial committees and subordinate cells
    // spread over them; 37 subordinate cells founded on 1 July 2023, under six months before the evaluation.
    func total(_ key: String) -> Int { orgFigures[key]!["total"] as! Int }
    var units = [
      NewOrganisation(
        code: "KG", name: "Đảng bộ tỉnh Kiên Giang", kind: .provincialCommittee, parentCode: nil,
        founded: day("1976-01-01"))
    ]
    let districts = (0..<total("district_level_committee")).map { "KG.\($0)" }
    for (i, code) in districts.enumerated() {
      units.append(
        NewOrganisation(
          code: code, name: "Đảng bộ huyện số \(i + 1)", kind: .districtCommittee, parentCode: "KG",
          founded: day("1980-01-01")))
    }
    let committees = (0..<total("grassroots_committee")).map { "\(districts[$0 % districts.count]).GC\($0)" }
    for code in committees {
      units.append(
        NewOrganisation(
          code: code, name: "Đảng bộ xã \(code)", kind: .grassrootsCommittee,
          parentCode: String(code.split(separator: ".").prefix(2).joined(separator: ".")), founded: day("1990-01-01")))
    }
    let grassrootsCells = (0..<total("grassroots_cell")).map { "\(districts[$0 % districts.count]).CB\($0)" }
    for code in grassrootsCells {
      units.append(
        NewOrganisation(
          code: code, name: "Chi bộ cơ sở \(code)", kind: .grassrootsCell,
          parentCode: String(code.split(separator: ".").prefix(2).joined(separator: ".")), founded: day("1995-01-01")))
    }
    let partials = (0..<total("partial_committee")).map { "\(committees[$0]).BP\($0)" }
    for code in partials {
      units.append(
        NewOrganisation(
          code: code, name: "Đảng bộ bộ phận \(code)", kind: .partialCommittee,
          parentCode: String(code.split(separator: ".").dropLast().joined(separator: ".")), founded: day("2000-01-01")))
    }
    let subordinateTotal = total("subordinate_cell")
    let newCells = orgFigures["subordinate_cell"]!["not_evaluated"] as! Int
    var subordinates: [String] = []
    for i in 0..<subordinateTotal {
      let parent = i % 7 == 0 ? partials[i % partials.count] : committees[i % committees.count]
      let code = "\(parent).CT\(i)"
      subordinates.append(code)
      units.append(
        NewOrganisation(
          code: code, name: "Chi bộ trực thuộc \(code)", kind: .subordinateCell, parentCode: parent,
          founded: i < newCells ? day("2023-07-01") : day("2000-01-01")))
    }
    let ids = Dictionary(uniqueKeysWithValues: try await store.addOrganisations(units).map { ($0.code, $0.id) })

    // Members in the cells that existed through 2022; the first ones hold leading posts (the cadres).
    let cells = (grassrootsCells + subordinates.dropFirst(newCells)).map { ids[$0]! }
    let memberTotal = memberFigures["total"] as! Int
    let cadreTotal = cadreFigures["total"] as! Int
    var memberIDs: [Int64] = []
    for start in stride(from: 0, to: memberTotal, by: 10_000) {
      let batch = (start..<min(start + 10_000, memberTotal)).map { i in
        var m = Member(
          fullName: "Đảng viên \(i)", gender: i % 3 == 0 ? .female : .male, birthDate: day("1970-01-01"),
          partyCardNumber: String(10_000_000 + i))
        if i < cadreTotal { m.posts = [LeadingPost(title: "Bí thư chi bộ", from: day("2020-10-01"))] }
        return NewMember(
          member: m,
          events: [
            MembershipEvent(memberID: 0, kind: .admitted, date: day("2015-05-19"), cellID: cells[i % cells.count])
          ])
      }
      memberIDs += try await store.addMembers(batch).map(\.id)
    }
    let collectives = try await store.addLeadershipCollectives(
      (0..<(collectiveFigures["total"] as! Int)).map { i in
        NewLeadershipCollective(
          organisationCode: i < districts.count ? districts[i] : committees[i % committees.count],
          name: "Ban Thường vụ \(i)", kind: "standingCommittee", formed: day("2020-10-01"))
      })

    // 2022: the leadership collectives' published grades, and 725 members not evaluated.
    try await store.openEvaluationCycle(scope: "KG", year: 2022, evaluationDate: Self.evaluation2022)
    let prev = collectiveFigures["previous_year"] as! [String: Int]
    let collectives2022: [GradeOutcome] =
      Array(repeating: .graded(.excellent), count: prev["excellent"]!)
      + Array(repeating: .graded(.good), count: prev["good_or_above"]! - prev["excellent"]!)
      + Array(repeating: .graded(.complete), count: prev["complete"]!)
      + Array(repeating: .graded(.notComplete), count: prev["not_complete"]!)
    try await store.recordGrades(
      zip(collectives, collectives2022).map { GradeEntry(subject: .leadershipCollective($0.id), outcome: $1) },
      year: 2022)
    let notEvaluated2022 = memberFigures["not_evaluated_previous_year"] as! Int
    try await store.recordGrades(
      memberIDs.enumerated().map { i, id in
        GradeEntry(
          subject: .member(id), outcome: i < notEvaluated2022 ? .notEvaluated(.pendingInspection) : .graded(.good))
      }, year: 2022)

    // 2023: every subject graded as published.
    try await store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: Self.evaluation2023)
    let byKind: [(String, [String])] = [
      ("district_level_committee", districts), ("grassroots_committee", committees),
      ("grassroots_cell", grassrootsCells),
      ("partial_committee", partials),
      ("subordinate_cell", Array(subordinates.dropFirst(newCells)) + subordinates.prefix(newCells)),
    ]
    for (key, codes) in byKind {
      // The new subordinate cells are proposed as good: the six-month rule must turn them into "not evaluated".
      let outcomes = Self.proposals(orgFigures[key]!, notEvaluated: .pendingInspection).enumerated().map { i, o in
        key == "subordinate_cell" && i >= codes.count - newCells ? GradeOutcome.graded(.good) : o
      }
      let recorded = try await store.recordGrades(
        zip(codes, outcomes).map { GradeEntry(subject: .organisation(code: $0), outcome: $1) }, year: 2023)
      if key == "subordinate_cell" {
        #expect(
          recorded.suffix(newCells).allSatisfy { $0.outcome == .notEvaluated(.tooNew) && $0.replacedBecause != nil })
      }
    }
    try await store.recordGrades(
      zip(memberIDs, Self.proposals(memberFigures, notEvaluated: .pendingInspection)).map {
        GradeEntry(subject: .member($0), outcome: $1)
      }, year: 2023)
    try await store.recordGrades(
      zip(collectives, Self.proposals(collectiveFigures, notEvaluated: .pendingInspection)).map {
        GradeEntry(subject: .leadershipCollective($0.id), outcome: $1)
      }, year: 2023)
    try await store.recordGrades(
      zip(memberIDs.prefix(cadreTotal), Self.proposals(cadreFigures, notEvaluated: .pendingInspection)).map {
        GradeEntry(subject: .leadershipCadre(memberID: $0), outcome: $1)
      }, year: 2023)

    let report = try await store.evaluationReport(year: 2023, scope: "KG")
    let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as! [String: Any]
    let text = EvaluationNarrative.text(report)

    func check(_ line: [String: Any], against figures: [String: Any], sentence: Substring, _ name: String) {
      for (key, jsonKey) in [
        ("total", "total"), ("evaluated", "evaluated"), ("not_evaluated", "notEvaluated"),
        ("good_or_above", "goodOrAbove"), ("excellent", "excellent"), ("complete", "complete"),
        ("not_complete", "notComplete"),
      ] {
        if let expected = figures[key] as? Int { #expect(line[jsonKey] as? Int == expected, "\(name) \(key)") }
      }
      let sharesVi = line["sharesVi"] as! [String: String]
      for (key, expected) in PublishedFigures.expectedPercents(figures) {
        let jsonKey =
          ["good_or_above": "goodOrAbove", "not_complete": "notComplete", "not_evaluated": "notEvaluated"][key] ?? key
        #expect(sharesVi[jsonKey] == expected, "\(name) share \(key)")
        #expect(sentence.contains("chiếm \(expected)%"), "\(name) narrative share \(key): \(sentence)")
      }
    }
    func paragraph(_ start: String) -> Substring {
      guard let range = text.range(of: start) else { return "" }
      return text[range.lowerBound...].prefix { $0 != "\n" }
    }
    let kindLines = json["organisationKinds"] as! [[String: Any]]
    for (key, kind) in [
      ("district_level_committee", UnitKind.districtCommittee), ("grassroots_committee", .grassrootsCommittee),
      ("grassroots_cell", .grassrootsCell), ("partial_committee", .partialCommittee),
      ("subordinate_cell", .subordinateCell),
    ] {
      let line = kindLines.first { $0["subject"] as? String == "organisation.\(kind.code)" }!
      let label = UnitKindTable.standard.nameVi(of: kind)
      check(
        line, against: orgFigures[key]!,
        sentence: paragraph("- " + label.prefix(1).uppercased() + label.dropFirst() + ":"), key)
    }
    let all = json["organisations"] as! [String: Any]
    #expect(all["evaluated"] as? Int == orgFigures["all"]!["evaluated"] as? Int)
    #expect(all["goodOrAbove"] as? Int == orgFigures["all"]!["good_or_above"] as? Int)
    #expect((all["sharesVi"] as! [String: String])["goodOrAbove"] == "93,90")
    #expect(text.contains("có 3.402/3.623 tổ chức đảng (chiếm 93,90%)"))
    check(json["members"] as! [String: Any], against: memberFigures, sentence: paragraph("Về đảng viên:"), "members")
    check(
      json["leadershipCollectives"] as! [String: Any], against: collectiveFigures,
      sentence: paragraph("Về tập thể lãnh đạo"), "collectives")
    check(
      json["leadershipCadres"] as! [String: Any], against: cadreFigures, sentence: paragraph("Về cán bộ lãnh đạo"),
      "cadres")

    // Same-period changes: members not evaluated 725 → 454, collectives against their published 2022 grades.
    let memberChanges = (json["members"] as! [String: Any])["changes"] as! [String: Int]
    #expect(memberChanges["notEvaluated"] == -271)
    #expect(paragraph("Về đảng viên:").contains("(giảm 271 so với năm trước)"))
    let collectiveChanges = (json["leadershipCollectives"] as! [String: Any])["changes"] as! [String: Int]
    #expect(collectiveChanges["goodOrAbove"] == 389 - 269)
    #expect(collectiveChanges["excellent"] == 66 - 53)
    #expect(collectiveChanges["complete"] == 5 - 14)
    #expect(collectiveChanges["notComplete"] == 5 - 2)
    #expect(
      text.contains(
        "Năm 2023, toàn Đảng bộ tỉnh Kiên Giang có 3.623 tổ chức đảng và 56.787 đảng viên được phân tích, đánh giá chất lượng."
      ))
  }
}
