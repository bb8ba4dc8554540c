/// The evaluation report for one subtree and year: every figure computed from grade counts, never typed in.
public struct EvaluationReport: Sendable, Codable {
  public struct Line: Sendable, Codable {
    /// "organisation.subordinateCell", "member", "leadershipCollective", "leadershipCadre", "organisations"
    public var subject: String
    public var label: String
    public var counts: GradeCounts
    public var previous: GradeCounts?

    public init(subject: String, label: String, counts: GradeCounts, previous: GradeCounts? = nil) {
      self.subject = subject
      self.label = label
      self.counts = counts
      self.previous = previous
    }

    public var shares: GradeShares { counts.shares }

    /// How a reason not to grade is worded on this line: members, cadres, or units and collectives.
    public var reasonSubject: NotEvaluatedReason.Subject {
      switch subject {
      case "member": .member
      case "leadershipCadre": .cadre
      default: .organisation
      }
    }

    /// Every count with its change against the previous year.
    public var changes: [String: Change] {
      let p = previous
      return [
        "total": Change(current: counts.total, previous: p?.total),
        "evaluated": Change(current: counts.evaluated, previous: p?.evaluated),
        "notEvaluated": Change(current: counts.notEvaluatedTotal, previous: p?.notEvaluatedTotal),
        "goodOrAbove": Change(current: counts.goodOrAbove, previous: p?.goodOrAbove),
        "excellent": Change(current: counts.excellent, previous: p?.excellent),
        "good": Change(current: counts.good, previous: p?.good),
        "complete": Change(current: counts.complete, previous: p?.complete),
        "notComplete": Change(current: counts.notComplete, previous: p?.notComplete),
      ]
    }
  }

  /// A unit directly below the scope whose good-or-above share is under the target.
  public struct BelowTarget: Sendable, Codable, Hashable {
    public var code: String
    public var name: String
    public var subject: String
    public var goodOrAbove: Int
    public var evaluated: Int
    public var share: Percent

    public init(code: String, name: String, subject: String, goodOrAbove: Int, evaluated: Int) {
      self.code = code
      self.name = name
      self.subject = subject
      self.goodOrAbove = goodOrAbove
      self.evaluated = evaluated
      self.share = Percent(goodOrAbove, of: max(1, evaluated))!
    }
  }

  public var year: Int
  public var scopeCode: String
  public var scopeName: String
  public var regulation: String
  public var policy: EvaluationPolicy
  /// The share of good grades binding the scope in the year (a stored target; nil when none binds it: then
  /// no unit is listed below target).
  public var target: ReportTarget?
  /// One line per organisation kind below the scope, in the kind table's order.
  public var organisationKinds: [Line]
  public var members: Line
  public var leadershipCollectives: Line
  public var leadershipCadres: Line
  public var belowTarget: [BelowTarget]
  public var excellentCapWarnings: [String]
  /// The cycle reported when it is not the year (366-QĐ/TW: a term, a quarter, ad hoc); nil for the yearly
  /// report, whose JSON stays as it was.
  public var cycle: CyclePeriod?
  /// "quý I năm 2026": written into the JSON beside `cycle` so a reader need not name the period itself.
  public var cycleName: String?

  /// The cycle as the report names it: "năm 2026", "quý I năm 2026", "nhiệm kỳ 2020–2025".
  public var cycleNameVi: String { cycle?.nameVi ?? "năm \(year)" }

  /// All organisations: stated by the reports as the sum of the kinds, so computed as that sum.
  public var organisations: Line {
    Line(
      subject: "organisations", label: "tổ chức đảng",
      counts: organisationKinds.reduce(GradeCounts()) { $0 + $1.counts },
      previous: organisationKinds.allSatisfy { $0.previous != nil }
        ? organisationKinds.reduce(GradeCounts()) { $0 + $1.previous! } : nil)
  }

  public init(
    year: Int, scopeCode: String, scopeName: String, regulation: String, policy: EvaluationPolicy,
    organisationKinds: [Line], members: Line, leadershipCollectives: Line, leadershipCadres: Line,
    belowTarget: [BelowTarget], excellentCapWarnings: [String], target: ReportTarget? = nil, cycle: CyclePeriod? = nil
  ) {
    self.cycle = cycle
    self.cycleName = cycle?.nameVi
    self.year = year
    self.scopeCode = scopeCode
    self.scopeName = scopeName
    self.regulation = regulation
    self.policy = policy
    self.target = target
    self.organisationKinds = organisationKinds
    self.members = members
    self.leadershipCollectives = leadershipCollectives
    self.leadershipCadres = leadershipCadres
    self.belowTarget = belowTarget
    self.excellentCapWarnings = excellentCapWarnings
  }

  public var allLines: [Line] {
    [organisations] + organisationKinds + [members, leadershipCollectives, leadershipCadres]
  }
}
