import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

@Suite("Store: version-checked edits")
struct RegisterEditingTests {
  typealias EditingStore = any PartyStore & RegisterEditing

  /// The small province with four members in the Phước Hòa cell: An (long-standing), Bình (admitted in
  /// September 2023: too new to grade), Cư (exempt) and Dung (reprimanded in 2023); the 2023 cycle open.
  func province(_ engine: Engine) async throws -> (store: EditingStore, members: [Int64]) {
    let store: EditingStore = try engine.makeStore()
    let ids = try await SmallProvince.load(into: store)
    let cell = ids["KG.01.001.01"]!
    let members = try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Nguyễn Văn An", card: "10000001"),
        events: [SmallProvince.admitted(cell, on: "2010-01-01")]),
      NewMember(
        member: SmallProvince.member("Trần Thị Bình", card: "10000002"),
        events: [SmallProvince.admitted(cell, on: "2023-09-01")]),
      NewMember(
        member: SmallProvince.member("Lê Văn Cư", card: "10000003"),
        events: [
          SmallProvince.admitted(cell, on: "2000-01-01"),
          MembershipEvent(memberID: 0, kind: .exempted, date: day("2020-01-01")),
        ]),
      NewMember(
        member: SmallProvince.member("Phạm Thị Dung", card: "10000004"),
        events: [SmallProvince.admitted(cell, on: "2005-01-01")]),
    ]).map(\.id)
    try await store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-15"))
    try await store.recordDiscipline([
      DisciplineDecision(
        subject: .member(members[3]), form: .reprimand, categories: ["prohibitedActs"],
        decidingBody: ConductingBody(.inspectionCommission, of: "KG.01"), number: "5-QĐ/UBKT",
        decided: day("2023-05-01"), violated: day("2023-02-01"))
    ])
    return (store, members)
  }

  // MARK: Members

  @Test(arguments: Engine.allCases)
  func aMembersRecordIsReadWholeAsTheSeparateReadsGiveIt(engine: Engine) async throws {
    let (store, members) = try await province(engine)
    let record = try #require(try await store.memberRecord(id: members[2], within: "KG.01", on: .today))
    #expect(record.versioned == (try await store.memberWithVersion(id: members[2])))
    #expect(record.timeline.events == (try await store.timeline(ofMember: members[2]).events))
    #expect(record.units.values.map(\.code) == ["KG.01.001.01"])
    #expect(record.admission == nil && record.sponsorNames.isEmpty)
    #expect(try await store.memberRecord(id: 999_999, within: nil, on: .today) == nil)
    #expect(try await store.memberRecord(id: members[2], within: "KG.02", on: .today) == nil, "outside the subtree")
    #expect(try await store.memberRecord(id: members[2], within: nil, on: .today) != nil)
  }

  @Test(arguments: Engine.allCases)
  func anEditFromTheStoredVersionIsSavedAndMovesTheVersionOn(engine: Engine) async throws {
    let (store, m) = try await province(engine)
    let read = try #require(try await store.memberWithVersion(id: m[0]))
    #expect(read.version == 1)
    var edited = read.member
    edited.fullName = "Nguyễn Văn Ân"
    let saved = try await store.updateMember(edited, expectedVersion: read.version, by: .commandLine(user: "thu"))
    #expect(saved.version == 2)
    #expect(saved.member.fullName == "Nguyễn Văn Ân")
    #expect(try await store.searchMembers("nguyen van an", within: nil, on: .today, limit: 5).map(\.id) == [m[0]])
  }

  @Test(arguments: Engine.allCases)
  func aStaleEditIsRefusedWithTheStoredMemberAndWritesNothing(engine: Engine) async throws {
    let (store, m) = try await province(engine)
    let read = try #require(try await store.memberWithVersion(id: m[0]))
    var first = read.member
    first.homeTown = "Rạch Giá"
    try await store.updateMember(first, expectedVersion: read.version, by: .commandLine(user: "thu"))
    var second = read.member
    second.occupation = "Giáo viên"
    let stale = await #expect(throws: StaleVersion<VersionedMember>.self) {
      try await store.updateMember(second, expectedVersion: read.version, by: .commandLine(user: "thu"))
    }
    #expect(stale?.current.version == 2)
    #expect(stale?.current.member.homeTown == "Rạch Giá", "the refusal carries the newer values")
    let stored = try #require(try await store.memberWithVersion(id: m[0]))
    #expect(stored.member.occupation == "", "nothing of the stale edit was written")
    #expect(stored.member.homeTown == "Rạch Giá", "nothing of the first edit was lost")
  }

  @Test(arguments: Engine.allCases)
  func ofTwoConcurrentEditsFromTheSameVersionExactlyOneWins(engine: Engine) async throws {
    let (store, m) = try await province(engine)
    let read = try #require(try await store.memberWithVersion(id: m[0]))
    let names = (1...8).map { "Người sửa \($0)" }
    let outcomes = await withTaskGroup(of: (String, Bool).self) { group in
      for name in names {
        group.addTask {
          var edit = read.member
          edit.fullName = name
          do {
            try await store.updateMember(edit, expectedVersion: read.version, by: .commandLine(user: "thu"))
            return (name, true)
          } catch is StaleVersion<VersionedMember> {
            return (name, false)
          } catch {
            Issue.record("unexpected \(error)")
            return (name, false)
          }
        }
      }
      var all: [(String, Bool)] = []
      for await outcome in group { all.append(outcome) }
      return all
    }
    let winners = outcomes.filter(\.1).map(\.0)
    #expect(winners.count == 1)
    let stored = try #require(try await store.memberWithVersion(id: m[0]))
    #expect(stored.version == 2)
    #expect(stored.member.fullName == winners.first)
  }

  @Test(arguments: Engine.allCases)
  func eventsAndPlainUpdatesMoveTheVersionSoEarlierEditsAreStale(engine: Engine) async throws {
    let (store, m) = try await province(engine)
    let read = try #require(try await store.memberWithVersion(id: m[0]))
    try await store.recordEvents([MembershipEvent(memberID: m[0], kind: .madeOfficial, date: day("2011-01-01"))])
    #expect(try await store.memberWithVersion(id: m[0])?.version == 2)
    await #expect(throws: StaleVersion<VersionedMember>.self) {
      try await store.updateMember(read.member, expectedVersion: read.version, by: .commandLine(user: "thu"))
    }
    var plain = read.member
    plain.education = "12/12"
    try await store.updateMember(plain)
    #expect(try await store.memberWithVersion(id: m[0])?.version == 3)
    // Another member's version is untouched.
    #expect(try await store.memberWithVersion(id: m[1])?.version == 1)
  }

  @Test(arguments: Engine.allCases)
  func aRuleRefusalOfAVersionedEditWritesNothing(engine: Engine) async throws {
    let (store, m) = try await province(engine)
    let read = try #require(try await store.memberWithVersion(id: m[0]))
    var edit = read.member
    edit.partyCardNumber = "10000002"  // Bình's
    let refused = await #expect(throws: DomainError.self) {
      try await store.updateMember(edit, expectedVersion: read.version, by: .commandLine(user: "thu"))
    }
    #expect(refused?.code == "member.duplicateCard")
    #expect(try await store.memberWithVersion(id: m[0]) == read)
  }

  @Test(arguments: Engine.allCases)
  func aNewMemberStartsAtVersionOneAndARefusalSaysWhyWithoutABatchIndex(engine: Engine) async throws {
    let (store, _) = try await province(engine)
    let cell = try #require(try await store.organisation(code: "KG.01.001.02")).id
    let created = try await store.createMember(
      NewMember(
        member: SmallProvince.member("Võ Văn Em", card: "10000009", born: "1990-02-03"),
        events: [SmallProvince.admitted(cell, on: "2020-05-19")]), by: .commandLine(user: "thu"))
    #expect(created.version == 1)
    // Added with its audit entry, in the same transaction.
    let entries = try await store.auditEntries(AuditFilter(action: "member.add"))
    #expect(entries.map(\.subject) == ["member:\(created.member.id)"])
    #expect(created.member.id > 0)
    let tooYoung = await #expect(throws: DomainError.self) {
      try await store.createMember(
        NewMember(
          member: SmallProvince.member("Võ Văn Út", card: "10000010", born: "2010-02-03"),
          events: [SmallProvince.admitted(cell, on: "2020-05-19")]), by: .commandLine(user: "thu"))
    }
    #expect(tooYoung?.code == "member.tooYoung")
    #expect(try await store.auditEntries(AuditFilter(action: "member.add")).count == 1, "a refusal is not audited")
  }

  // MARK: A cell's grades

  @Test(arguments: Engine.allCases)
  func theSheetListsThePopulationWithWhatTheRulesAlreadyDecide(engine: Engine) async throws {
    let (store, m) = try await province(engine)
    let sheet = try await store.cellGrades(code: "KG.01.001.01", year: 2023)
    #expect(sheet.version == 1)
    #expect(sheet.scored == false)
    #expect(sheet.regulation == "124-QĐ/TW")
    #expect(Set(sheet.rows.map(\.member.memberID)) == [m[0], m[1], m[3]])
    #expect(sheet.exempt.map(\.memberID) == [m[2]], "the exempt member is outside the population")
    let an = try #require(sheet.rows.first { $0.member.memberID == m[0] })
    #expect(an.allowed == Grade.allCases)
    #expect(an.automatic == nil)
    let binh = try #require(sheet.rows.first { $0.member.memberID == m[1] })
    #expect(binh.automatic == .notEvaluated(.tooNew))
    let dung = try #require(sheet.rows.first { $0.member.memberID == m[3] })
    #expect(dung.allowed == [.notComplete], "disciplined in the year for a violation the cell did not fix itself")
    #expect(dung.limitReason?.contains("kỷ luật") == true)
  }

  @Test(arguments: Engine.allCases)
  func aWholeCellIsSavedAtOnceAndTheVersionMovesOn(engine: Engine) async throws {
    let (store, m) = try await province(engine)
    let sheet = try await store.cellGrades(code: "KG.01.001.01", year: 2023)
    let saved = try await store.gradeCell(
      code: "KG.01.001.01", year: 2023,
      entries: [
        CellGradeInput(memberID: m[0], outcome: .graded(.good)),
        CellGradeInput(memberID: m[1], outcome: .notEvaluated(.tooNew)),
        CellGradeInput(memberID: m[3], outcome: .graded(.notComplete)),
      ], expectedVersion: sheet.version, by: .commandLine(user: "thu"))
    // Saved with its audit entry in the same transaction, before and after.
    #expect(try await store.auditEntries(AuditFilter(action: "grade.set")).count == 1)
    #expect(saved.version == 2)
    #expect(saved.rows.first { $0.member.memberID == m[0] }?.saved?.outcome == .graded(.good))
    let report = try await store.evaluationReport(year: 2023, scope: "KG.01.001.01")
    #expect(report.members.counts.good == 1)
    #expect(report.members.counts.notComplete == 1)
  }

  @Test(arguments: Engine.allCases)
  func aRefusedRowWritesNothingAndEveryRefusedRowIsNamed(engine: Engine) async throws {
    let (store, m) = try await province(engine)
    let refused = await #expect(throws: CellGradingRefused.self) {
      try await store.gradeCell(
        code: "KG.01.001.01", year: 2023,
        entries: [
          CellGradeInput(memberID: m[0], outcome: .graded(.excellent)),
          CellGradeInput(memberID: m[2], outcome: .graded(.good)),  // exempt
          CellGradeInput(memberID: m[3], outcome: .graded(.good)),  // reprimanded
        ], expectedVersion: 1, by: .commandLine(user: "thu"))
    }
    #expect(refused.map { Set($0.reasons.keys) } == [m[2], m[3]])
    #expect(refused?.reasons[m[3]]?.contains("kỷ luật") == true)
    let after = try await store.cellGrades(code: "KG.01.001.01", year: 2023)
    #expect(after.version == 1)
    #expect(after.rows.allSatisfy { $0.saved == nil }, "An's valid grade was not written either")
  }

  @Test(arguments: Engine.allCases)
  func aStaleCellSaveIsRefusedWithTheNewerGrades(engine: Engine) async throws {
    let (store, m) = try await province(engine)
    // Someone records a grade another way (the command line, an import) after the page was opened.
    try await store.recordGrades([GradeEntry(subject: .member(m[0]), outcome: .graded(.excellent))], year: 2023)
    let stale = await #expect(throws: StaleVersion<CellGradeSheet>.self) {
      try await store.gradeCell(
        code: "KG.01.001.01", year: 2023, entries: [CellGradeInput(memberID: m[0], outcome: .graded(.complete))],
        expectedVersion: 1, by: .commandLine(user: "thu"))
    }
    #expect(stale?.current.version == 2)
    #expect(stale?.current.rows.first { $0.member.memberID == m[0] }?.saved?.outcome == .graded(.excellent))
    let stored = try await store.cellGrades(code: "KG.01.001.01", year: 2023)
    #expect(stored.rows.first { $0.member.memberID == m[0] }?.saved?.outcome == .graded(.excellent))
  }

  @Test(arguments: Engine.allCases)
  func ofTwoConcurrentCellSavesExactlyOneWins(engine: Engine) async throws {
    let (store, m) = try await province(engine)
    let grades: [Grade] = [.excellent, .good, .complete, .notComplete]
    let results = await withTaskGroup(of: Grade?.self) { group in
      for grade in grades {
        group.addTask {
          do {
            try await store.gradeCell(
              code: "KG.01.001.01", year: 2023, entries: [CellGradeInput(memberID: m[0], outcome: .graded(grade))],
              expectedVersion: 1, by: .commandLine(user: "thu"))
            return grade
          } catch {
            #expect(error is StaleVersion<CellGradeSheet>)
            return nil
          }
        }
      }
      var winners: [Grade] = []
      for await result in group { if let result { winners.append(result) } }
      return winners
    }
    #expect(results.count == 1)
    let stored = try await store.cellGrades(code: "KG.01.001.01", year: 2023)
    #expect(stored.version == 2)
    #expect(stored.rows.first { $0.member.memberID == m[0] }?.saved?.outcome == results.first.map { .graded($0) })
    let report = try await store.evaluationReport(year: 2023, scope: "KG.01.001.01")
    #expect(report.members.counts.evaluated == 1, "one grade counted, not four")
  }

  @Test(arguments: Engine.allCases)
  func aCommitteeHasNoCellSheet(engine: Engine) async throws {
    let (store, _) = try await province(engine)
    let refused = await #expect(throws: DomainError.self) {
      try await store.cellGrades(code: "KG.01.001", year: 2023)
    }
    #expect(refused?.code == "evaluation.notACell")
  }
}
