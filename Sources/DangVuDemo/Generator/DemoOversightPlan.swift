import DangVuCore

/// How much inspection, supervision, discipline and complaint work a demo year holds, per member and unit, and
/// the mix of kinds and forms: shaped after the published Kiên Giang figures (9 months of 2022: 764 units and
/// 8,885 members inspected or supervised, 104 members disciplined — 77 reprimands, 22 warnings, 3 dismissals,
/// 2 expulsions — 65% for prohibited acts and population policy; Q1 thematic work on about 20 units).
public enum DemoOversightPlan {
  /// The years the demo fills: a term report and Q1, 9-month and yearly comparisons all have data.
  public static let years = [2021, 2022, 2023]

  /// A member's chance of one lượt of inspection or supervision in a year (8,885 in 9 months of 62,600; a member
  /// is counted only when in the cell on the inspection's start day, so the draw is a little under that share).
  public static let memberVisitRate = 0.16
  /// A unit's chance of one lượt in a year (764 in 9 months of about 3,700 units).
  public static let unitVisitRate = 0.27
  /// A member's chance of a discipline decision in a year (104 in 9 months).
  public static let disciplineRate = 0.0022
  /// A member's chance of being the subject of a complaint or denunciation in a year.
  public static let complaintRate = 0.003
  /// Share of decisions appealed.
  public static let appealRate = 0.03

  /// The kind of one lượt and the organ that ran it: the committee runs the routine programme, the
  /// inspection commission the inspections on one matter.
  public static func visitKind(_ r: inout DemoRandom) -> (OversightKind, ConductingBody.Organ) {
    switch r.below(100) {
    case ..<32: (.inspection(.regular), .partyCommittee)
    case ..<62: (.supervision(.regular), .partyCommittee)
    case ..<74: (.supervision(.thematic), .partyCommittee)
    case ..<80: (.supervision(.thematic), .inspectionCommission)
    case ..<86: (.inspection(.signsOfViolation), .inspectionCommission)
    case ..<91: (.inspection(.duties), .inspectionCommission)
    case ..<96: (.inspection(.partyFinance), .inspectionCommission)
    default: (.inspection(.partyFee), .inspectionCommission)
    }
  }

  /// A member's form, as the 9-month figures split them (77/22/3/2 of 104).
  public static func memberForm(_ r: inout DemoRandom) -> DisciplineForm {
    switch r.below(104) {
    case ..<77: .reprimand
    case ..<99: .warning
    case ..<102: .dismissal
    default: .expulsion
    }
  }

  /// The violations of one decision: 65% name prohibited acts or the population policy.
  public static func categories(_ r: inout DemoRandom) -> [String] {
    switch r.below(100) {
    case ..<40: ["prohibitedActs"]
    case ..<55: ["populationPolicy"]
    case ..<65: ["prohibitedActs", "exemplaryResponsibility"]
    case ..<73: ["exemplaryResponsibility"]
    case ..<79: ["corruption"]
    case ..<85: ["waste"]
    case ..<90: ["negativePractices"]
    case ..<95: ["degradation"]
    default: ["other"]
    }
  }

  public static func finding(_ r: inout DemoRandom) -> Complaint.Finding {
    switch r.below(100) {
    case ..<20: .correct
    case ..<55: .partlyCorrect
    default: .incorrect
    }
  }

  /// A stable day of `year` for one inspection of a body: every lượt of that inspection starts on it.
  public static func startDay(body: Int64, organ: Int, kind: Int, year: Int, seed: UInt64) -> Day {
    var r = DemoRandom(seed: seed, stream: 0x0_5EE, UInt64(bitPattern: body), UInt64(organ), UInt64(kind), UInt64(year))
    return Day(year: year, month: 1, day: 15)!.adding(days: r.below(290))
  }

  /// Days from the start to the conclusion; inspections on signs of violation take longest, so those begun late
  /// in the year are still open on the evaluation date (15 December: their members "not evaluated"); the
  /// others, begun by 1 November, are concluded by then.
  public static func duration(_ kind: OversightKind) -> Int {
    kind == .inspection(.signsOfViolation) ? 75 : 40
  }
}
