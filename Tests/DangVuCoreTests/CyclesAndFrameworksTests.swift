import DangVuCore
import Testing

/// Cycles beyond the year and the scoring frameworks of 366-QĐ/TW, as data (decision 0035).
@Suite("Cycles and frameworks under 366-QĐ/TW")
struct CyclesAndFrameworksTests {
  @Test func cyclesAreNamedAndReadBackByTheirPeriod() throws {
    let quarter = try CyclePeriod(kind: .quarter, parsing: "2026-Q1")
    #expect(quarter.nameVi == "quý I năm 2026")
    #expect(quarter.code == "2026-Q1")
    let term = try CyclePeriod(kind: .term, parsing: "2020-2025")
    #expect(term.nameVi == "nhiệm kỳ 2020–2025")
    #expect(term.code == "2020-2025")
    let adHoc = try CyclePeriod(kind: .adHoc, parsing: "2026-03-01..15/04/2026")
    #expect(adHoc.nameVi == "đột xuất từ ngày 01/03/2026 đến ngày 15/04/2026")
    #expect(try CyclePeriod(kind: .adHoc, parsing: adHoc.code) == adHoc)
    // The period must fit the kind; the year is opened by its year.
    #expect(throws: DomainError.self) { try CyclePeriod(kind: .quarter, parsing: "2020-2025") }
    #expect(throws: DomainError.self) { try CyclePeriod(kind: .year, parsing: "2026") }
  }

  @Test func onlyARegulationThatAllowsAKindOpensIt() throws {
    #expect(throws: Never.self) { try Regulation.q366.allow(.quarter, naming: "quý I năm 2026", scope: "KG") }
    do {
      try Regulation.q124.allow(.quarter, naming: "quý I năm 2024", scope: "Đảng bộ tỉnh (KG)")
      Issue.record("a quarter was allowed under 124-QĐ/TW")
    } catch {
      #expect(error.code == "evaluation.cycleKindNotAllowed")
      #expect(error.message.contains("quý I năm 2024 cho Đảng bộ tỉnh (KG)"))
    }
  }

  @Test func fiveFrameworksOf30And70ScoreByGroup() throws {
    #expect(Regulation.q366.frameworks.map(\.group) == SubjectGroup.allCases)
    #expect(Regulation.q366.frameworks.allSatisfy { $0.criteria.map(\.maximum) == [30, 70] })
    #expect(Regulation.q124.frameworks.isEmpty)
    let members = try #require(Regulation.q366.frameworks.first { $0.group == .memberWithoutPost })
    #expect(try members.score(["general": 28, "tasks": 65], of: "An") == 93)
    #expect(Regulation.q366.grade(forScore: 93) == .excellent)
    for (points, code) in [
      (["general": 31, "tasks": 60], "evaluation.criterionAboveMaximum"),
      (["general": 20], "evaluation.criterionMissing"),
      (["general": 20, "tasks": 50, "bonus": 5], "evaluation.unknownCriterion"),
    ] {
      #expect(throws: DomainError.self) { try members.score(points, of: "An") }
      do { _ = try members.score(points, of: "An") } catch { #expect(error.code == code) }
    }
    #expect(SubjectGroup.collective.fits(.organisation(.subordinateCell)))
    #expect(!SubjectGroup.collective.fits(.member))
    #expect(SubjectGroup.leaderOrManager.fits(.leadershipCadre))
  }

  @Test func excellentNeedsTasksOnTimeAndThirtyPercentBeyondAndACleanCollective() {
    let done = ExcellentFacts(allTasksOnTime: true, beyondRequirementPercent: 30)
    let q366 = Regulation.q366
    #expect(q366.excellentRefusal(.excellent, for: .member, done, subjectName: "An") == nil)
    #expect(q366.excellentRefusal(.good, for: .member, ExcellentFacts(), subjectName: "An") == nil)
    var short = done
    short.beyondRequirementPercent = 29
    #expect(
      q366.excellentRefusal(.excellent, for: .member, short, subjectName: "An")?.code
        == "evaluation.excellentBeyondRequirement")
    var late = done
    late.allTasksOnTime = false
    #expect(
      q366.excellentRefusal(.excellent, for: .member, late, subjectName: "An")?.code == "evaluation.excellentTasksLate")
    var disciplined = done
    disciplined.disciplinedMembers = 1
    // A person is not held to the collective's conditions; a unit and a collective are.
    #expect(q366.excellentRefusal(.excellent, for: .member, disciplined, subjectName: "An") == nil)
    #expect(
      q366.excellentRefusal(.excellent, for: .leadershipCollective, disciplined, subjectName: "BTV")?.code
        == "evaluation.excellentMemberDisciplined")
    var unitBelow = done
    unitBelow.disciplinedUnitsBelow = 1
    #expect(
      q366.excellentRefusal(.excellent, for: .organisation(.grassrootsCommittee), unitBelow, subjectName: "ĐU")?.code
        == "evaluation.excellentUnitBelowDisciplined")
    // The old regulations keep their rules: no extra condition.
    #expect(Regulation.q124.excellentRefusal(.excellent, for: .member, ExcellentFacts(), subjectName: "An") == nil)
  }
}

@Suite("A cycle's report names its cycle")
struct CycleReportNamingTests {
  @Test func theWordDocumentAndTheNarrativeNameTheQuarter() throws {
    let line = { (subject: String, label: String) in
      EvaluationReport.Line(
        subject: subject, label: label, counts: GradeCounts(excellent: 1, good: 2, complete: 1, notComplete: 0))
    }
    let quarter = EvaluationReport(
      year: 2026, scopeCode: "KG", scopeName: "Đảng bộ tỉnh Kiên Giang", regulation: "366-QĐ/TW", policy: .standard,
      organisationKinds: [], members: line("member", "đảng viên"),
      leadershipCollectives: line("leadershipCollective", "tập thể lãnh đạo, quản lý các cấp"),
      leadershipCadres: line("leadershipCadre", "cán bộ lãnh đạo, quản lý các cấp"), belowTarget: [],
      excellentCapWarnings: [], cycle: try CyclePeriod(kind: .quarter, parsing: "2026-Q1"))
    let document = PartyReportDocument.evaluation(
      quarter, issuer: IssuingCommittee(unitName: "Đảng bộ tỉnh Kiên Giang"), options: try .init(year: 2026))
    #expect(document.subject.hasSuffix("tổ chức đảng và đảng viên quý I năm 2026"))
    #expect(EvaluationNarrative.text(quarter).hasPrefix("Quý I năm 2026, toàn Đảng bộ tỉnh Kiên Giang"))
    var yearly = quarter
    yearly.cycle = nil
    yearly.cycleName = nil
    #expect(EvaluationNarrative.text(yearly).hasPrefix("Năm 2026, toàn Đảng bộ tỉnh Kiên Giang"))
  }
}
