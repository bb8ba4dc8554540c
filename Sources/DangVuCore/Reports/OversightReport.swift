/// The inspection, supervision, discipline and complaints report (công tác kiểm tra, giám sát và thi hành
/// kỷ luật đảng) for one subtree and period, every figure with its change against the same period a year
/// earlier. Every figure is computed from records (`OversightCounts`), never typed in.
public struct OversightReport: Sendable, Codable {
  /// One figure: this period, the same period a year earlier, and the change as the reports say it.
  public struct Figure: Hashable, Sendable, Codable {
    public var current: Int
    /// Nil (and absent from JSON) when the report makes no comparison (`OversightReport.comparison`).
    public var previous: Int?
    public var difference: Int?
    /// "tăng 7", "giảm 3", "bằng cùng kỳ"; empty without a comparison.
    public var changeVi: String

    public init(_ change: Change, against: Change.Against = .samePeriod) {
      current = change.current
      previous = change.previous
      difference = change.difference
      changeVi = change.vietnamese(against) ?? ""
    }

    public var change: Change { Change(current: current, previous: previous) }
  }

  public var period: ReportPeriod
  public var periodName: String
  public var previousPeriod: ReportPeriod
  /// Whether the figures are compared with `previousPeriod` at all.
  public var comparison: ReportComparison
  public var scopeCode: String
  public var scopeName: String
  /// The violation categories as the database names them, in their order.
  public var categories: [ViolationCategory]
  public var figures: [String: Figure]
  /// Discipline shares of all member (or unit) decisions, whole percent as the published reports print
  /// them ("chiếm 65%"), rounded half up: `discipline.members.prohibitedOrPopulation` → "65".
  public var sharesVi: [String: String]

  public init(
    period: ReportPeriod, scopeCode: String, scopeName: String, categories: [ViolationCategory],
    current: OversightCounts, previous: OversightCounts, comparison: ReportComparison = .made
  ) {
    self.period = period
    self.periodName = period.nameVi
    self.previousPeriod = period.sameTimeLastYear
    self.comparison = comparison
    self.scopeCode = scopeCode
    self.scopeName = scopeName
    self.categories = categories
    var figures: [String: Figure] = [:]
    for (key, value) in current.values {
      figures[key] = Figure(
        Change(current: value, previous: comparison.available ? previous[key] : nil), against: period.comparedWith)
    }
    self.figures = figures
    var shares: [String: String] = [:]
    for side in ["members", "units"] {
      let whole = current["discipline.\(side)"]
      for key in current.values.keys where key.hasPrefix("discipline.\(side).") {
        if let share = Percent(current[key], of: whole, decimals: 0) { shares[key] = share.vietnamese }
      }
    }
    self.sharesVi = shares
  }

  /// The head of the column of earlier figures: "Cùng kỳ (quý I năm 2022)", "Nhiệm kỳ trước (nhiệm kỳ
  /// 2015–2020)", "Cùng kỳ nhiệm kỳ trước (từ đầu nhiệm kỳ 2015–2020 đến ngày 30/06/2018)".
  public var previousColumnVi: String {
    let against = period.spansTerm ? period.comparedWith.vietnamese : "cùng kỳ"
    return "\(against.capitalisedFirst) (\(previousPeriod.nameVi))"
  }

  /// Term summaries and mid-term reviews count in lượt and lead with them; other periods count subjects once.
  public var countsInVisits: Bool { period.spansTerm }

  /// This period's count under `key` (0 for an unknown key).
  public subscript(key: String) -> Int { figures[key]?.current ?? 0 }

  public func change(_ key: String) -> Change {
    figures[key]?.change ?? Change(current: 0, previous: comparison.available ? 0 : nil)
  }
}
