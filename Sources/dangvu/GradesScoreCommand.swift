import ArgumentParser
import DangVuCore
import DangVuStore

extension GradesCommand {
  /// Scores one subject in a cycle of a term, quarter or ad hoc under 366-QĐ/TW, criterion group by group.
  struct Score: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Score one subject in a term, quarter or ad hoc cycle (366-QĐ/TW), per criterion group.",
      discussion:
        "Frameworks: collective, centrallyManagedCadre, leaderOrManager, memberWithoutPost, "
        + "memberOutsidePoliticalSystem; each has the groups general (max 30) and tasks (max 70).")
    @OptionGroup var store: StoreOptions
    @OptionGroup var kind: CycleOptions
    @Option(help: "The unit whose cycle it is (its own or an ancestor's); the province when left out.") var scope:
      String?
    @Option(help: "A member, by party card number.") var member: String?
    @Option(help: "A member in a leading post, graded in that role, by party card number.") var cadre: String?
    @Option(help: "A unit, by code.") var org: String?
    @Option(help: "A leadership collective, by its number.") var collective: Int64?
    @OptionGroup var sheet: ScoreSheetOptions
    @Option(help: "Months of sick leave in the period.") var sickLeaveMonths: Int = 0

    func run() async throws {
      do {
        let db = try await store.open()
        guard let cycle = try kind.cycle() else {
          throw DomainError(
            "evaluation.scoreNeedsKind", "Chấm điểm theo nhóm tiêu chí dùng cho đợt --kind term, quarter hoặc adHoc.")
        }
        let subject = try await GradesCommand.subject(
          member: member, cadre: cadre, org: org, collective: collective, in: db)
        let scopeCode: String
        if let scope { scopeCode = scope } else { scopeCode = try await db.rootCode(on: cycle.period.through) }
        let recorded = try await db.recordScoredGrades(
          [
            ScoredGradeEntry(
              subject: subject, framework: sheet.framework ?? subject.usualFramework, criteria: try sheet.criteria(),
              allTasksOnTime: sheet.onTime, beyondRequirementPercent: sheet.beyond, sickLeaveMonths: sickLeaveMonths)
          ], in: cycle, scope: scopeCode, by: .commandLineUser)
        for r in recorded {
          print(
            "\(r.subjectName): \(r.score.map { "\($0) điểm, " } ?? "")\(r.outcome.nameVi(for: r.subject.reasonSubject))"
              + (r.replacedBecause.map { " — \($0)" } ?? "") + " (\(cycle.nameVi))")
        }
      } catch { throw fail(error) }
    }
  }
}
