import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

/// Record-level data shaped like a term summary: the committees and the commissions both ran thematic
/// supervision, and each ran kinds the other did not. The report gives every kind by body, in lượt and as
/// distinct subjects, and the narrative one paragraph per body naming only the kinds it ran.
@Suite("Fidelity: every kind by conducting body, and complaints by subject kind")
struct OversightByBodyFidelityTests {
  /// Ten units (two grassroots committees and their eight cells) and 40 members; in 2023:
  /// - committees: regular inspection of units 0–3 and members 0–9 in March, units 0–1 again in September;
  ///   thematic supervision of units 4–6 and members 10–14;
  /// - commissions: inspection on signs of violation of unit 7 and members 15–17; party finance of units 0–2
  ///   (also inspected by the committees: the pairs must not mix); party fees of units 3–4 and member 20;
  ///   thematic supervision of units 5–8 (5 and 6 also supervised by the committees) and members 18–19;
  /// and in 2022 the commissions' thematic supervision of units 0–1, so the year before has records.
  static func province(in store: any StoreEngine.Parts) async throws -> OversightProvince {
    let p = try await OversightProvince.build(
      in: store, districts: 1, committeesPerDistrict: 2, cellsPerCommittee: 4, members: 40, posts: 0)
    let u = p.units
    let m = p.members
    try await p.inspect(
      .inspection(.regular), by: .partyCommittee, units: u[0..<4], members: m[0..<10], started: "2023-03-01")
    try await p.inspect(.inspection(.regular), by: .partyCommittee, units: u[0..<2], members: [], started: "2023-09-01")
    try await p.inspect(
      .supervision(.thematic), by: .partyCommittee, units: u[4..<7], members: m[10..<15], started: "2023-05-10")
    try await p.inspect(.inspection(.signsOfViolation), units: u[7..<8], members: m[15..<18], started: "2023-06-01")
    try await p.inspect(.inspection(.partyFinance), units: u[0..<3], members: [], started: "2023-07-01")
    try await p.inspect(.inspection(.partyFee), units: u[3..<5], members: m[20..<21], started: "2023-08-01")
    try await p.inspect(.supervision(.thematic), units: u[5..<9], members: m[18..<20], started: "2023-10-01")
    try await p.inspect(.supervision(.thematic), units: u[0..<2], members: [], started: "2022-10-01")
    // Denunciations against unit 8 and members 30–32, the unit's and two members' resolved; a complaint by member 33.
    let received = day("2023-03-01")
    let resolved = day("2023-11-01")
    try await p.store.recordComplaints([
      Complaint(
        kind: .denunciation, subject: .unit(code: u[8]), received: received, resolved: resolved, finding: .correct),
      Complaint(
        kind: .denunciation, subject: .member(m[30]), received: received, resolved: resolved, finding: .incorrect),
      Complaint(
        kind: .denunciation, subject: .member(m[31]), received: received, resolved: resolved, finding: .incorrect),
      Complaint(kind: .denunciation, subject: .member(m[32]), received: received),
      Complaint(
        kind: .complaint, subject: .member(m[33]), received: received, resolved: resolved, finding: .partlyCorrect),
    ])
    return p
  }

  /// lượt and distinct subjects of one group: units, unitsDistinct, members, membersDistinct.
  static func figures(_ r: OversightReport, _ group: String) -> [Int] {
    ["units", "unitsDistinct", "members", "membersDistinct"].map { r["oversight.\(group).\($0)"] }
  }

  static func checkKindsByBody(_ r: OversightReport) {
    func pair(_ kind: OversightKind, _ organ: ConductingBody.Organ) -> [Int] {
      figures(r, OversightCounts.kindByBodyKey(kind: kind, organ: organ))
    }
    #expect(pair(.inspection(.regular), .partyCommittee) == [6, 4, 10, 10])
    #expect(pair(.supervision(.thematic), .partyCommittee) == [3, 3, 5, 5])
    #expect(pair(.inspection(.signsOfViolation), .inspectionCommission) == [1, 1, 3, 3])
    #expect(pair(.inspection(.partyFinance), .inspectionCommission) == [3, 3, 0, 0])
    #expect(pair(.inspection(.partyFee), .inspectionCommission) == [2, 2, 1, 1])
    #expect(pair(.supervision(.thematic), .inspectionCommission) == [4, 4, 2, 2])
    // Kinds a body did not run are zero, even where the same subjects were inspected by the other body.
    #expect(pair(.inspection(.partyFinance), .partyCommittee) == [0, 0, 0, 0])
    #expect(pair(.inspection(.regular), .inspectionCommission) == [0, 0, 0, 0])
    #expect(pair(.inspection(.signsOfViolation), .partyCommittee) == [0, 0, 0, 0])
    // Body totals: units 0–6 by the committees; units 0–8 by the commissions.
    #expect(figures(r, "body.partyCommittee") == [9, 7, 15, 15])
    #expect(figures(r, "body.inspectionCommission") == [10, 9, 6, 6])
    // Thematic supervision by either body: units 4–8, two of them by both.
    #expect(figures(r, "kind.supervision.thematic") == [7, 5, 7, 7])
    #expect(figures(r, "all") == [19, 9, 21, 21])
  }

  @Test(arguments: StoreEngine.allCases) func everyKindByBodyFromTheRollupAndFromTheLuot(engine: StoreEngine)
    async throws
  {
    try await engine.withOversightStore { store in
      let p = try await Self.province(in: store)
      // A whole year of the whole province reads the rollup; a range ending on 30 December counts the lượt.
      let year = try await p.store.oversightReport(period: try .year(2023), scope: "KG")
      Self.checkKindsByBody(year)
      let range = try await p.store.oversightReport(
        period: try .range(from: day("2023-01-01"), through: day("2023-12-30")), scope: "KG")
      Self.checkKindsByBody(range)
      let district = try await p.store.oversightReport(period: try .year(2023), scope: "KG.0")
      Self.checkKindsByBody(district)
      #expect(
        year.figures["oversight.body.inspectionCommission.kind.supervision.thematic.unitsDistinct"]?.previous == 2)
    }
  }

  @Test(arguments: StoreEngine.allCases) func theTwoBodyParagraphsNameOnlyTheKindsEachRan(engine: StoreEngine)
    async throws
  {
    try await engine.withOversightStore { store in
      let p = try await Self.province(in: store)
      let (r, json) = try await p.reportJSON(try .year(2023))
      #expect(json["oversight.body.partyCommittee.kind.inspection.regular.units"]?["current"] as? Int == 6)
      #expect(json["oversight.body.partyCommittee.kind.inspection.regular.unitsDistinct"]?["current"] as? Int == 4)
      #expect(json["complaints.denunciation.units.resolved"]?["current"] as? Int == 1)
      #expect(json["complaints.denunciation.members.resolved"]?["current"] as? Int == 2)
      #expect(json["complaints.denunciation.members.received"]?["current"] as? Int == 3)
      #expect(json["complaints.complaint.members.resolved"]?["current"] as? Int == 1)
      let text = OversightNarrative.text(r)
      #expect(
        OversightNarrativeParagraphs.starting(text, "Cấp ủy các cấp")
          == "Cấp ủy các cấp kiểm tra 4 tổ chức đảng (6 lượt, tăng 4 tổ chức so với năm trước) "
          + "và 10 đảng viên (tăng 10 đảng viên so với năm trước); "
          + "giám sát chuyên đề 3 tổ chức đảng (tăng 3 tổ chức so với năm trước) "
          + "và 5 đảng viên (tăng 5 đảng viên so với năm trước).")
      #expect(
        OversightNarrativeParagraphs.starting(text, "Ủy ban kiểm tra các cấp")
          == "Ủy ban kiểm tra các cấp kiểm tra khi có dấu hiệu vi phạm 1 tổ chức đảng (tăng 1 tổ chức so với năm trước) "
          + "và 3 đảng viên (tăng 3 đảng viên so với năm trước); "
          + "kiểm tra tài chính 3 tổ chức đảng (tăng 3 tổ chức so với năm trước); "
          + "kiểm tra việc thu, nộp đảng phí 2 tổ chức đảng (tăng 2 tổ chức so với năm trước) "
          + "và 1 đảng viên (tăng 1 đảng viên so với năm trước); "
          + "giám sát chuyên đề 4 tổ chức đảng (tăng 2 tổ chức so với năm trước) "
          + "và 2 đảng viên (tăng 2 đảng viên so với năm trước).")
      // The committees' paragraph comes first.
      #expect(text.range(of: "Cấp ủy các cấp")!.lowerBound < text.range(of: "Ủy ban kiểm tra các cấp")!.lowerBound)
      #expect(
        OversightNarrativeParagraphs.starting(text, "Tiếp nhận")
          == "Tiếp nhận 5 đơn khiếu nại, tố cáo (khiếu nại 1, tố cáo 4), tăng 5 đơn so với năm trước; "
          + "giải quyết 4 đơn (đúng 1, sai 2, đúng một phần 1), tăng 4 đơn so với năm trước. "
          + "Tiếp nhận tố cáo với 1 tổ chức đảng và 3 đảng viên; tiếp nhận khiếu nại của 1 đảng viên; "
          + "giải quyết tố cáo với 1 tổ chức đảng và 2 đảng viên; giải quyết khiếu nại của 1 đảng viên.")
    }
  }

  /// The same records over the term 2020–2025 and its mid-term review to the end of 2022: in lượt, and with no
  /// record in the term before, compared with nothing.
  @Test(arguments: StoreEngine.allCases) func theTermAndItsMidTermReviewFromTheRecords(engine: StoreEngine) async throws
  {
    try await engine.withOversightStore { store in
      let p = try await Self.province(in: store)
      let term = try await p.store.oversightReport(period: try .term(from: 2020, to: 2025), scope: "KG")
      #expect(term.comparison.reason == .beforeRecords)
      let text = OversightNarrative.text(term)
      #expect(
        OversightNarrativeParagraphs.starting(text, "Cấp ủy các cấp")
          == "Cấp ủy các cấp kiểm tra 6 lượt tổ chức đảng (4 tổ chức) và 10 lượt đảng viên; "
          + "giám sát chuyên đề 3 lượt tổ chức đảng và 5 lượt đảng viên.")
      #expect(
        OversightNarrativeParagraphs.starting(text, "Ủy ban kiểm tra các cấp")
          == "Ủy ban kiểm tra các cấp kiểm tra khi có dấu hiệu vi phạm 1 lượt tổ chức đảng và 3 lượt đảng viên; "
          + "kiểm tra tài chính 3 lượt tổ chức đảng; "
          + "kiểm tra việc thu, nộp đảng phí 2 lượt tổ chức đảng và 1 lượt đảng viên; "
          + "giám sát chuyên đề 6 lượt tổ chức đảng và 2 lượt đảng viên.")

      let review = try await p.store.oversightReport(
        period: try .midTerm(from: 2020, to: 2025, until: day("2022-12-31")), scope: "KG")
      let reviewText = OversightNarrative.text(review)
      #expect(
        OversightNarrativeParagraphs.starting(reviewText, "Từ đầu nhiệm kỳ đến nay")
          == "Từ đầu nhiệm kỳ đến nay, các cấp ủy, tổ chức đảng và ủy ban kiểm tra các cấp trong Đảng bộ tỉnh Kiên Giang "
          + "đã kiểm tra, giám sát 2 lượt tổ chức đảng và 0 lượt đảng viên. Trong đó: "
          + "kiểm tra 0 lượt tổ chức đảng và 0 lượt đảng viên; giám sát 2 lượt tổ chức đảng và 0 lượt đảng viên.")
      #expect(
        OversightNarrativeParagraphs.starting(reviewText, "Cấp ủy các cấp")
          == "Cấp ủy các cấp không tiến hành kiểm tra, giám sát.")
      #expect(
        OversightNarrativeParagraphs.starting(reviewText, "Ủy ban kiểm tra các cấp")
          == "Ủy ban kiểm tra các cấp giám sát chuyên đề 2 lượt tổ chức đảng.")
    }
  }
}

/// Paragraphs of a narrative by how they start.
enum OversightNarrativeParagraphs {
  static func starting(_ text: String, _ prefix: String) -> String? {
    text.components(separatedBy: "\n\n").first { $0.hasPrefix(prefix) }?.trimmingCharacters(in: .newlines)
  }
}
