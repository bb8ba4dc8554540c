import DangVuCore
import Testing

/// The yearly grade under 366-QĐ/TW scored per criterion group (issue 25 part 5): the sheet's total, the grade of
/// its band, and the excellent conditions, decided without a database.
@Suite("Score sheets under 366-QĐ/TW")
struct ScoreSheetTests {
  let q366 = Regulation.q366

  func sheet(
    _ points: [String: Int], framework: SubjectGroup = .memberWithoutPost, onTime: Bool? = nil, beyond: Int? = nil
  ) -> ScoreSheet {
    ScoreSheet(framework: framework, criteria: points, allTasksOnTime: onTime, beyondRequirementPercent: beyond)
  }

  func refusal(_ proposed: GradeOutcome?, _ sheet: ScoreSheet?, for subject: SubjectClass = .member) -> String? {
    do {
      _ = try q366.outcome(proposed, sheet: sheet, for: subject, of: "Nguyễn Văn An")
      return nil
    } catch { return error.code }
  }

  @Test func theTotalIsTheSumOfTheGroupsAndTheGradeItsBand() throws {
    let scored = try q366.score(sheet(["general": 27, "tasks": 64]), for: .member, of: "An")
    #expect(scored.score == 91)
    #expect(scored.grade == .excellent)
    // With no grade proposed the band is the grade; a proposal must be the band.
    #expect(
      try q366.outcome(nil, sheet: sheet(["general": 20, "tasks": 52]), for: .member, of: "An") == (.graded(.good), 72))
    #expect(
      try q366.outcome(.graded(.complete), sheet: sheet(["general": 15, "tasks": 40]), for: .member, of: "An")
        == (.graded(.complete), 55))
    #expect(
      try q366.outcome(nil, sheet: sheet(["general": 10, "tasks": 30]), for: .member, of: "An") == (
        .graded(.notComplete), 40
      ))
  }

  @Test func eachGroupWithinItsMaximumAndNoneMissingOrUnknown() {
    #expect(refusal(.graded(.good), sheet(["general": 31, "tasks": 50])) == "evaluation.criterionAboveMaximum")
    #expect(refusal(.graded(.good), sheet(["general": 20, "tasks": 71])) == "evaluation.criterionAboveMaximum")
    #expect(refusal(.graded(.good), sheet(["general": -1, "tasks": 70])) == "evaluation.criterionAboveMaximum")
    #expect(refusal(.graded(.good), sheet(["general": 25])) == "evaluation.criterionMissing")
    #expect(refusal(.graded(.good), sheet(["general": 25, "tasks": 50, "bonus": 1])) == "evaluation.unknownCriterion")
    #expect(refusal(.graded(.good), nil) == "evaluation.scoreMissing")
  }

  @Test func theGradeMustBeTheBandOfTheTotal() throws {
    #expect(refusal(.graded(.excellent), sheet(["general": 25, "tasks": 60])) == "evaluation.scoreMismatch")
    do {
      _ = try q366.outcome(.graded(.excellent), sheet: sheet(["general": 25, "tasks": 60]), for: .member, of: "Bình")
      Issue.record("a grade above its band was accepted")
    } catch let error as DomainError {
      #expect(
        error.message
          == "Bình: 85 điểm ứng với mức \"hoàn thành tốt nhiệm vụ\", không phải \"hoàn thành xuất sắc nhiệm vụ\".")
    }
  }

  @Test func theFrameworkMustFitTheSubject() {
    #expect(
      refusal(.graded(.good), sheet(["general": 25, "tasks": 50], framework: .collective))
        == "evaluation.frameworkNotForSubject")
    #expect(
      refusal(
        .graded(.good), sheet(["general": 25, "tasks": 50], framework: .memberWithoutPost), for: .leadershipCollective)
        == "evaluation.frameworkNotForSubject")
    #expect(
      refusal(.graded(.good), sheet(["general": 25, "tasks": 50], framework: .leaderOrManager), for: .leadershipCadre)
        == nil)
    #expect(SubjectGroup.fitting(.member) == [.memberWithoutPost, .memberOutsidePoliticalSystem])
    #expect(SubjectGroup.fitting(.leadershipCadre) == [.leaderOrManager, .centrallyManagedCadre])
    #expect(SubjectGroup.fitting(.leadershipCollective) == [.collective])
    #expect(SubjectGroup(parsing: "cán bộ thuộc diện Trung ương quản lý") == .centrallyManagedCadre)
    #expect(SubjectGroup(parsing: "Đảng viên ngoài hệ thống chính trị") == .memberOutsidePoliticalSystem)
    #expect(SubjectGroup(parsing: "memberWithoutPost") == .memberWithoutPost)
    #expect(SubjectGroup(parsing: "tập thể") == .collective)
    #expect(SubjectGroup(parsing: "bốn tốt") == nil)
  }

  @Test func theOlderRegulationsTakeNoSheet() {
    #expect(throws: DomainError.self) {
      try Regulation.q124.outcome(.graded(.good), sheet: sheet(["general": 25, "tasks": 50]), for: .member, of: "An")
    }
    #expect(Regulation.q124.excellentLooksBelow(.organisation(.grassrootsCommittee)) == false)
    #expect(q366.excellentLooksBelow(.organisation(.grassrootsCommittee)))
    #expect(q366.excellentLooksBelow(.member) == false)
  }

  @Test func excellentNeedsTheSheetsFactsAndACollectiveClean() {
    let excellent = sheet(["general": 29, "tasks": 63], onTime: true, beyond: 30)
    func code(_ sheet: ScoreSheet, _ subject: SubjectClass, units: Int = 0, members: Int = 0) -> String? {
      q366.excellentRefusal(
        .excellent, for: subject, ExcellentFacts(sheet, disciplinedUnitsBelow: units, disciplinedMembers: members),
        subjectName: "An")?.code
    }
    #expect(code(excellent, .member) == nil)
    var late = excellent
    late.allTasksOnTime = false
    #expect(code(late, .member) == "evaluation.excellentTasksLate")
    var short = excellent
    short.beyondRequirementPercent = 29
    #expect(code(short, .member) == "evaluation.excellentBeyondRequirement")
    short.beyondRequirementPercent = nil
    #expect(code(short, .member) == "evaluation.excellentBeyondRequirement")
    var unit = excellent
    unit.framework = .collective
    #expect(code(unit, .organisation(.grassrootsCommittee)) == nil)
    #expect(code(unit, .organisation(.grassrootsCommittee), units: 1) == "evaluation.excellentUnitBelowDisciplined")
    #expect(code(unit, .leadershipCollective, members: 2) == "evaluation.excellentMemberDisciplined")
    let refused = q366.excellentRefusal(
      .excellent, for: .organisation(.grassrootsCommittee), ExcellentFacts(unit, disciplinedMembers: 2),
      subjectName: "Đảng ủy xã Bình An")
    #expect(
      refused?.message
        == "Không thể xếp loại Đảng ủy xã Bình An hoàn thành xuất sắc nhiệm vụ theo 366-QĐ/TW: có 2 đảng viên của tập thể "
        + "bị kỷ luật trong kỳ đánh giá.")
  }
}
