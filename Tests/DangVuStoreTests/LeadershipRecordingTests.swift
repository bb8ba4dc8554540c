import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

@Suite("Store: leading posts and leadership collectives, checked and audited")
struct LeadershipRecordingTests {
  static let staff = AuditActor(login: "bantochuc", role: Role.organisationStaff.rawValue)

  typealias Store = any StoreEngine.Parts

  /// The province on a new store of `engine`, closed afterwards.
  func withProvince(
    _ engine: StoreEngine, _ body: (Store, [String: Int64], _ an: Int64, _ binh: Int64) async throws -> Void
  ) async throws {
    try await engine.withRegisterStore { store in
      let (cells, an, binh) = try await Self.load(into: store)
      try await body(store, cells, an, binh)
    }
  }

  /// The province on a whole `PartyStore`, for the tests that grade or discipline (other parts than leadership's).
  func province(_ engine: Engine) async throws -> (
    store: any PartyStore, cells: [String: Int64], an: Int64, binh: Int64
  ) {
    let store = try engine.makeStore()
    let (cells, an, binh) = try await Self.load(into: store)
    return (store, cells, an, binh)
  }

  /// An, official in Phước Hòa (KG.01.001.01) since 2011; Bình, official in Hòa An (KG.01.001.02) since 2012.
  static func load(into store: some RegisterStore) async throws -> (cells: [String: Int64], an: Int64, binh: Int64) {
    let cells = try await SmallProvince.load(into: store)
    let added = try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Nguyễn Văn An", card: "10000001"),
        events: SmallProvince.officialSince2011(in: cells["KG.01.001.01"]!)),
      NewMember(
        member: SmallProvince.member("Trần Thị Bình", card: "10000002"),
        events: [
          SmallProvince.admitted(cells["KG.01.001.02"]!, on: "2011-01-01"),
          MembershipEvent(memberID: 0, kind: .madeOfficial, date: day("2012-01-01")),
        ]),
    ])
    return (cells, added[0].id, added[1].id)
  }

  func post(_ member: Int64, _ kind: String, in unit: String, from: String, until: String? = nil) -> NewPost {
    NewPost(memberID: member, kindCode: kind, unitCode: unit, from: day(from), until: until.map(day))
  }

  @Test(arguments: StoreEngine.allCases)
  func aRecordedPostIsReadBackAuditedAndMovesTheMembersVersion(engine: StoreEngine) async throws {
    try await withProvince(engine) { store, _, an, _ in
      #expect(try await store.postKinds().first?.code == PostKind.standard.first?.code)
      #expect(try await store.postKinds().count == PostKind.standard.count)
      let saved = try await store.recordPost(
        post(an, "secretary", in: "KG.01.001.01", from: "2020-10-01"), by: Self.staff)
      #expect(saved.title == "Bí thư" && saved.unitCode == "KG.01.001.01" && saved.memberName == "Nguyễn Văn An")
      #expect(try await store.post(id: saved.post.id) == saved)
      #expect(try await store.posts(ofMember: an).map(\.post.id) == [saved.post.id])
      #expect(try await store.posts(ofUnit: "KG.01.001.01").map(\.post.id) == [saved.post.id])
      #expect(try await store.member(id: an)?.posts.map(\.title) == ["Bí thư"])
      #expect(try await store.memberWithVersion(id: an)?.version == 2)
      let entry = try #require(try await store.auditEntries(AuditFilter(action: "post.record")).first)
      #expect(
        entry.actorLogin == "bantochuc" && entry.scopeCode == "KG.01.001.01"
          && entry.after?.contains("secretary") == true)
      #expect(try await store.verifyAuditChain().broken == nil)
    }
  }

  @Test(arguments: Engine.allCases)
  func aRecordedPostMakesTheMemberACadreToGrade(engine: Engine) async throws {
    let (store, _, an, _) = try await province(engine)
    try await store.openEvaluationCycle(scope: "KG", year: 2024, evaluationDate: day("2024-12-15"))
    // Before any post, grading An as a cadre is refused: nothing makes him one.
    await #expect(throws: BatchItemError.self) {
      try await store.recordGrades(
        [GradeEntry(subject: .leadershipCadre(memberID: an), outcome: .graded(.good))], year: 2024)
    }
    _ = try await store.recordPost(post(an, "secretary", in: "KG.01.001.01", from: "2020-10-01"), by: Self.staff)
    let graded = try await store.recordGrades(
      [GradeEntry(subject: .leadershipCadre(memberID: an), outcome: .graded(.good))], year: 2024)
    #expect(graded.map(\.outcome) == [.graded(.good)])
    let report = try await store.evaluationReport(year: 2024, scope: "KG")
    #expect(report.leadershipCadres.counts.evaluated == 1)
  }

  @Test(arguments: StoreEngine.allCases)
  func aPostEndingOnOrBeforeItsFirstDayIsRefusedAndNothingIsWritten(engine: StoreEngine) async throws {
    try await withProvince(engine) { store, _, an, _ async throws in
      for until in ["2020-09-30", "2020-10-01"] {
        await expectRefusal("post.untilBeforeFrom") {
          try await store.recordPost(
            post(an, "secretary", in: "KG.01.001.01", from: "2020-10-01", until: until), by: Self.staff)
        }
      }
      #expect(try await store.posts(ofMember: an).isEmpty)
      #expect(try await store.auditEntries(AuditFilter(action: "post.record")).isEmpty)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func theMemberMustBelongInOrUnderTheUnitForTheWholePost(engine: StoreEngine) async throws {
    try await withProvince(engine) { store, cells, an, _ in
      // Another district's cell: An never belonged there.
      await expectRefusal("post.notInUnit") {
        try await store.recordPost(post(an, "deputySecretary", in: "KG.02.001", from: "2020-10-01"), by: Self.staff)
      }
      // Before his admission he was in no cell at all.
      await expectRefusal("post.notInUnit") {
        try await store.recordPost(post(an, "committeeMember", in: "KG.01.001.01", from: "2009-06-01"), by: Self.staff)
      }
      // The committee above his cell: he belongs under it.
      _ = try await store.recordPost(post(an, "committeeMember", in: "KG.01.001", from: "2020-10-01"), by: Self.staff)
      // He moves to another district in 2024: a post in Bình An still open after that is refused, one ending then is not.
      try await store.recordEvents([
        MembershipEvent(memberID: an, kind: .transferred, date: day("2024-03-01"), cellID: cells["KG.02.001"]!)
      ])
      await expectRefusal("post.leftUnit") {
        try await store.recordPost(post(an, "secretary", in: "KG.01.001.01", from: "2021-01-01"), by: Self.staff)
      }
      await expectRefusal("post.leftUnit") {
        try await store.recordPost(
          post(an, "secretary", in: "KG.01.001.01", from: "2021-01-01", until: "2024-03-02"), by: Self.staff)
      }
      _ = try await store.recordPost(
        post(an, "secretary", in: "KG.01.001.01", from: "2021-01-01", until: "2024-03-01"), by: Self.staff)
      _ = try await store.recordPost(post(an, "secretary", in: "KG.02.001", from: "2024-03-01"), by: Self.staff)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func theSamePostMayNotOverlapAndASecretaryIsOnePersonAtATime(engine: StoreEngine) async throws {
    try await withProvince(engine) { store, _, an, binh in
      _ = try await store.recordPost(
        post(an, "deputySecretary", in: "KG.01.001", from: "2020-10-01", until: "2025-10-01"), by: Self.staff)
      await expectRefusal("post.overlap") {
        try await store.recordPost(post(an, "deputySecretary", in: "KG.01.001", from: "2025-09-30"), by: Self.staff)
      }
      // The next term starts the day the last one ended.
      _ = try await store.recordPost(post(an, "deputySecretary", in: "KG.01.001", from: "2025-10-01"), by: Self.staff)
      // Two deputies at once are normal; two secretaries of one committee are not.
      _ = try await store.recordPost(post(binh, "deputySecretary", in: "KG.01.001", from: "2020-10-01"), by: Self.staff)
      let secretary = try await store.recordPost(
        post(an, "secretary", in: "KG.01.001", from: "2020-10-01"), by: Self.staff)
      await expectRefusal("post.heldByAnother") {
        try await store.recordPost(post(binh, "secretary", in: "KG.01.001", from: "2023-01-01"), by: Self.staff)
      }
      // Once An's post has an end, Bình may take it over from that day.
      await expectRefusal("post.untilBeforeFrom") {
        try await store.endPost(id: secretary.post.id, until: day("2020-09-01"), by: Self.staff)
      }
      let ended = try await store.endPost(id: secretary.post.id, until: day("2023-01-01"), by: Self.staff)
      #expect(ended.post.until == day("2023-01-01"))
      _ = try await store.recordPost(post(binh, "secretary", in: "KG.01.001", from: "2023-01-01"), by: Self.staff)
      #expect(try await store.auditEntries(AuditFilter(action: "post.end")).count == 1)
      await expectRefusal("post.unknownKind") {
        try await store.recordPost(post(binh, "chairman", in: "KG.01.001", from: "2023-01-01"), by: Self.staff)
      }
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aCollectiveTakesMembersOfItsUnitWithinItsTerm(engine: StoreEngine) async throws {
    try await withProvince(engine) { store, _, an, binh in
      let standing = try await store.recordCollective(
        NewCollective(
          unitCode: "KG.01.001", name: "Ban Thường vụ Đảng ủy xã Bình An", kindCode: "standingCommittee",
          formed: day("2020-10-01"), ended: day("2025-10-01")), by: Self.staff)
      #expect(standing.unitCode == "KG.01.001" && standing.seats.isEmpty)
      let seated = try await store.seatInCollective(
        NewCollectiveSeat(collectiveID: standing.collective.id, memberID: an, from: day("2020-10-01")), by: Self.staff)
      #expect(seated.seats.map(\.memberName) == ["Nguyễn Văn An"])
      await expectRefusal("collective.overlap") {
        try await store.seatInCollective(
          NewCollectiveSeat(collectiveID: standing.collective.id, memberID: an, from: day("2022-01-01")), by: Self.staff
        )
      }
      await expectRefusal("collective.outsideTerm") {
        try await store.seatInCollective(
          NewCollectiveSeat(collectiveID: standing.collective.id, memberID: binh, from: day("2019-01-01")),
          by: Self.staff
        )
      }
      await expectRefusal("collective.unknownKind") {
        try await store.recordCollective(
          NewCollective(unitCode: "KG.01", name: "Ban gì đó", kindCode: "club", formed: day("2020-10-01")),
          by: Self.staff
        )
      }
      await expectRefusal("collective.endedBeforeFormed") {
        try await store.recordCollective(
          NewCollective(
            unitCode: "KG.01", name: "Ban Thường vụ", kindCode: "standingCommittee", formed: day("2020-10-01"),
            ended: day("2020-01-01")), by: Self.staff)
      }
      // Tân Hiệp's collective cannot seat An, who is in Châu Thành.
      let other = try await store.recordCollective(
        NewCollective(
          unitCode: "KG.02", name: "Ban Thường vụ Huyện ủy Tân Hiệp", kindCode: "standingCommittee",
          formed: day("2020-10-01")), by: Self.staff)
      await expectRefusal("collective.notInUnit") {
        try await store.seatInCollective(
          NewCollectiveSeat(collectiveID: other.collective.id, memberID: an, from: day("2020-10-01")), by: Self.staff)
      }
      #expect(try await store.collectives(ofUnit: "KG.01.001").map(\.seats.count) == [1])
      #expect(try await store.auditEntries(AuditFilter(action: "collective.seat")).count == 1)
      #expect(try await store.auditEntries(AuditFilter(action: "collective.record")).count == 2)
    }
  }

  @Test(arguments: Engine.allCases)
  func aCollectiveIsGradedByItsSeats(engine: Engine) async throws {
    let (store, _, an, _) = try await province(engine)
    let standing = try await store.recordCollective(
      NewCollective(
        unitCode: "KG.01.001", name: "Ban Thường vụ Đảng ủy xã Bình An", kindCode: "standingCommittee",
        formed: day("2020-10-01"), ended: day("2025-10-01")), by: Self.staff)
    _ = try await store.seatInCollective(
      NewCollectiveSeat(collectiveID: standing.collective.id, memberID: an, from: day("2020-10-01")), by: Self.staff)
    try await store.openEvaluationCycle(scope: "KG", year: 2024, evaluationDate: day("2024-12-15"))
    let graded = try await store.recordGrades(
      [GradeEntry(subject: .leadershipCollective(standing.collective.id), outcome: .graded(.excellent))], year: 2024)
    #expect(graded.map(\.outcome) == [.graded(.excellent)])
  }

  @Test(arguments: StoreEngine.allCases)
  func postsAndCollectivesInBatchesAreWrittenWholeOrNotAtAll(engine: StoreEngine) async throws {
    try await withProvince(engine) { store, _, an, binh in
      let secretary = post(an, "secretary", in: "KG.01.001.01", from: "2020-10-01")
      do {
        try await store.importPosts(
          [secretary, post(an, "secretary", in: "KG.01.001.01", from: "2022-01-01")], audit: nil)
        Issue.record("an overlapping batch was written")
      } catch let error as BatchItemError {
        #expect(error.index == 1 && error.error.code == "post.overlap", "\(error.error.message)")
      }
      #expect(try await store.posts(ofMember: an).isEmpty)
      try await store.importPosts(
        [secretary, post(binh, "committeeMember", in: "KG.01.001", from: "2020-10-01")], audit: nil)
      #expect(try await store.posts(ofUnit: "KG.01.001").map(\.memberName) == ["Trần Thị Bình"])
      let term = NewCollective(
        unitCode: "KG.01.001", name: " Ban Thường vụ ", kindCode: "standingCommittee", formed: day("2020-10-01"))
      func row(_ member: Int64, from: String) -> CollectiveFileRow {
        CollectiveFileRow(
          collective: term, seat: NewCollectiveSeat(collectiveID: 0, memberID: member, from: day(from)))
      }
      do {
        try await store.importCollectives([row(an, from: "2020-10-01"), row(binh, from: "2019-01-01")], audit: nil)
        Issue.record("a seat before the term was written")
      } catch let error as BatchItemError {
        #expect(error.index == 1 && error.error.code == "collective.outsideTerm", "\(error.error.message)")
      }
      #expect(try await store.collectives(ofUnit: "KG.01.001").isEmpty)
      try await store.importCollectives([row(an, from: "2020-10-01"), row(binh, from: "2021-01-01")], audit: nil)
      let stored = try await store.collectives(ofUnit: "KG.01.001")
      #expect(stored.map(\.collective.name) == ["Ban Thường vụ"])
      #expect(stored.first?.seats.map(\.seat.memberID) == [an, binh])
    }
  }

  @Test(arguments: Engine.allCases)
  func aPostsFileIsCheckedRowByRowAsThePagesAreAndWrittenWholeOrNotAtAll(engine: Engine) async throws {
    let (store, _, an, binh) = try await province(engine)
    // The second row overlaps the first (the same secretary post of the same cell): the file is refused whole.
    let overlapping = """
      so_the,ma_to_chuc,chuc_vu,ngay_bat_dau,ngay_thoi_giu,ghi_chu
      10000001,KG.01.001.01,Bí thư,01/10/2020,,Đại hội
      10000001,KG.01.001.01,secretary,2022-01-01,,
      """
    do {
      _ = try await ImportFileKind.posts.importing(Array(overlapping.utf8), into: store)
      Issue.record("an overlapping file was written")
    } catch let error as ImportError {
      #expect(error.issues.map(\.line) == [3], "\(error.issues)")
    }
    #expect(try await store.posts(ofMember: an).isEmpty)
    let unknown = """
      so_the,ma_to_chuc,chuc_vu,ngay_bat_dau
      10000009,KG.01.001.01,Bí thư,01/10/2020
      10000002,KG.01.001.02,Chủ tịch,01/10/2020
      """
    do {
      _ = try await ImportFileKind.posts.importing(Array(unknown.utf8), into: store)
      Issue.record("a file naming an unknown member and post was written")
    } catch let error as ImportError {
      #expect(error.issues.map(\.line) == [2, 3], "\(error.issues)")
    }
    let good = """
      so_the,ma_to_chuc,chuc_vu,ngay_bat_dau,ngay_thoi_giu,ghi_chu
      10000001,KG.01.001.01,Bi thu,01/10/2020,01/10/2025,Đại hội
      10000002,KG.01.001,Cấp ủy viên,01/10/2020,,
      """
    #expect(try await ImportFileKind.posts.importing(Array(good.utf8), into: store) == 2)
    #expect(try await store.posts(ofMember: an).map(\.post.kindCode) == ["secretary"])
    #expect(try await store.posts(ofMember: binh).map(\.title) == ["Cấp ủy viên"])
  }

  @Test(arguments: Engine.allCases)
  func aCollectivesFileAddsCollectivesAndSeatsWholeOrNotAtAll(engine: Engine) async throws {
    let (store, _, an, binh) = try await province(engine)
    // Bình's seat starts before the term: the whole file is refused at her line, the collective is not added.
    let early = """
      ma_to_chuc,ten_tap_the,loai_tap_the,ngay_bat_dau,ngay_ket_thuc,so_the,ngay_tham_gia
      KG.01.001,Ban Thường vụ Đảng ủy xã Bình An,Ban Thường vụ,01/10/2020,01/10/2025,10000001,
      KG.01.001,Ban Thường vụ Đảng ủy xã Bình An,Ban Thường vụ,01/10/2020,01/10/2025,10000002,01/01/2019
      """
    do {
      _ = try await ImportFileKind.collectives.importing(Array(early.utf8), into: store)
      Issue.record("a seat before the term was written")
    } catch let error as ImportError {
      #expect(error.issues.map(\.line) == [3], "\(error.issues)")
    }
    #expect(try await store.collectives(ofUnit: "KG.01.001").isEmpty)
    let good = """
      ma_to_chuc,ten_tap_the,loai_tap_the,ngay_bat_dau,ngay_ket_thuc,so_the,ngay_tham_gia,ngay_thoi_tham_gia
      KG.01.001,Ban Thường vụ Đảng ủy xã Bình An,standingCommittee,01/10/2020,01/10/2025,10000001,,
      KG.01.001,Ban Thường vụ Đảng ủy xã Bình An,Ban Thuong vu,01/10/2020,01/10/2025,10000002,01/01/2022,01/01/2024
      KG.01,Ban Chấp hành Đảng bộ huyện,Ban Chấp hành,01/09/2020,,,,
      """
    #expect(try await ImportFileKind.collectives.importing(Array(good.utf8), into: store) == 3)
    let standing = try #require(try await store.collectives(ofUnit: "KG.01.001").first)
    #expect(standing.seats.map(\.seat.memberID) == [an, binh])
    #expect(standing.seats.map(\.seat.until) == [nil, day("2024-01-01")])
    #expect(try await store.collectives(ofUnit: "KG.01").map(\.collective.kindCode) == ["committee"])
  }

  @Test(arguments: Engine.allCases)
  func dismissalNeedsAPostAUserRecordedAndAWarnedSeatMakesItsCollectiveNotComplete(engine: Engine) async throws {
    let (store, _, an, _) = try await province(engine)
    func decision(_ form: DisciplineForm, number: String) -> DisciplineDecision {
      DisciplineDecision(
        subject: .member(an), form: form, categories: ["prohibitedActs"],
        decidingBody: ConductingBody(.inspectionCommission, of: "KG.01"), number: number, decided: day("2024-05-02"),
        violated: day("2024-02-01"))
    }
    // No post: nothing to dismiss him from.
    await #expect(throws: (any Error).self) { try await store.recordDiscipline([decision(.dismissal, number: "1")]) }
    let standing = try await store.recordCollective(
      NewCollective(
        unitCode: "KG.01.001", name: "Ban Thường vụ Đảng ủy xã Bình An", kindCode: "standingCommittee",
        formed: day("2020-10-01")), by: Self.staff)
    _ = try await store.seatInCollective(
      NewCollectiveSeat(collectiveID: standing.collective.id, memberID: an, from: day("2020-10-01")), by: Self.staff)
    _ = try await store.recordPost(
      post(an, "standingCommitteeMember", in: "KG.01.001", from: "2020-10-01"), by: Self.staff)
    #expect(try await store.recordDiscipline([decision(.dismissal, number: "2")]).count == 1)
    // Dismissed in 2024: the collective he sits on cannot be graded above "not complete" that year.
    try await store.openEvaluationCycle(scope: "KG", year: 2024, evaluationDate: day("2024-12-15"))
    let good = GradeEntry(subject: .leadershipCollective(standing.collective.id), outcome: .graded(.good))
    await #expect(throws: BatchItemError.self) { try await store.recordGrades([good], year: 2024) }
    var notComplete = good
    notComplete.outcome = .graded(.notComplete)
    #expect(try await store.recordGrades([notComplete], year: 2024).map(\.outcome) == [.graded(.notComplete)])
  }
}
