/// The stretch of days a report covers, named the way the reports name it: "quý I năm 2023",
/// "9 tháng đầu năm 2022", "nhiệm kỳ 2020–2025", or plain dates.
///
/// Every report compares with "cùng kỳ", the same stretch one year earlier, so the period knows how to
/// shift itself back a year; a term compares with the term before it, and a mid-term review (sơ kết giữa
/// nhiệm kỳ, from the start of a term to a day inside it) with the same stretch of the term before.
public struct ReportPeriod: Hashable, Sendable, Codable {
  public enum Kind: String, Hashable, Sendable, Codable {
    case quarter, halfYear, nineMonths, year, term, midTerm, range
  }

  public var kind: Kind
  public var from: Day
  /// Inclusive: the last day counted.
  public var through: Day
  /// The congress year that closes the term of a mid-term review (2025 for 2020–2025): its name and its
  /// shift to the term before need it, since the review's own days stop inside the term. Nil for other kinds.
  public var termEnd: Int?

  /// The years a report may cover: the Party's records start in 1930, and a period must end inside
  /// `Day.recordedYears`, so that "cùng kỳ" before it is still a day DangVu can name.
  public static let reportedYears = 1900...2200

  public init(kind: Kind, from: Day, through: Day) throws(DomainError) {
    guard from <= through else {
      throw DomainError(
        "period.reversed",
        "Kỳ báo cáo không hợp lệ: ngày bắt đầu \(from.vietnamese) sau ngày kết thúc \(through.vietnamese).")
    }
    for day in [from, through] where !Self.reportedYears.contains(day.year) {
      throw DomainError(
        "period.year",
        "Kỳ báo cáo không hợp lệ: năm \(day.year) nằm ngoài khoảng DangVu ghi nhận "
          + "(\(Self.reportedYears.lowerBound)–\(Self.reportedYears.upperBound)).")
    }
    self.init(checked: kind, from: from, through: through)
  }

  /// For periods derived from one already checked (the same period a year or a term earlier).
  private init(checked kind: Kind, from: Day, through: Day, termEnd: Int? = nil) {
    self.kind = kind
    self.from = from
    self.through = through
    self.termEnd = termEnd
  }

  /// Quarter `q` (1–4) of `year`.
  public static func quarter(_ q: Int, of year: Int) throws(DomainError) -> ReportPeriod {
    guard (1...4).contains(q) else { throw DomainError("period.quarter", "Quý phải từ 1 đến 4, không phải \(q).") }
    return try months(kind: .quarter, year: year, first: 3 * q - 2, last: 3 * q)
  }

  /// The first six months of `year`.
  public static func halfYear(_ year: Int) throws(DomainError) -> ReportPeriod {
    try months(kind: .halfYear, year: year, first: 1, last: 6)
  }

  /// The first nine months of `year`.
  public static func nineMonths(_ year: Int) throws(DomainError) -> ReportPeriod {
    try months(kind: .nineMonths, year: year, first: 1, last: 9)
  }

  public static func year(_ year: Int) throws(DomainError) -> ReportPeriod {
    try months(kind: .year, year: year, first: 1, last: 12)
  }

  /// A congress term, from 1 January of its first year to 31 December of the year before its last
  /// ("nhiệm kỳ 2020–2025" covers 2020 to 2024: the 2025 congress opens the next term).
  public static func term(from first: Int, to last: Int) throws(DomainError) -> ReportPeriod {
    guard last > first else {
      throw DomainError("period.term", "Nhiệm kỳ \(first)–\(last) không hợp lệ: năm cuối phải sau năm đầu.")
    }
    return try months(kind: .term, year: first, first: 1, last: 12, years: last - first)
  }

  /// A mid-term review (sơ kết giữa nhiệm kỳ): from the first day of the term to `until`, a day inside it.
  public static func midTerm(from first: Int, to last: Int, until: Day) throws(DomainError) -> ReportPeriod {
    let term = try term(from: first, to: last)
    guard term.contains(until) else {
      throw DomainError(
        "period.midTerm",
        "Ngày sơ kết \(until.vietnamese) phải nằm trong nhiệm kỳ \(first)–\(last) "
          + "(từ \(term.from.vietnamese) đến \(term.through.vietnamese)).")
    }
    return ReportPeriod(checked: .midTerm, from: term.from, through: until, termEnd: last)
  }

  /// The mid-term review of `term` (a term period) up to `until`.
  public func untilDay(_ until: Day) throws(DomainError) -> ReportPeriod {
    guard kind == .term else {
      throw DomainError("period.midTerm", "Chỉ sơ kết được một nhiệm kỳ, ví dụ 2020-2025, không phải \(nameVi).")
    }
    return try .midTerm(from: from.year, to: through.year + 1, until: until)
  }

  /// Plain dates, both inclusive.
  public static func range(from: Day, through: Day) throws(DomainError) -> ReportPeriod {
    try ReportPeriod(kind: .range, from: from, through: through)
  }

  private static func months(kind: Kind, year: Int, first: Int, last: Int, years: Int = 1) throws(DomainError)
    -> ReportPeriod
  {
    // Any year gives its days here; the initialiser refuses those outside `reportedYears`, with the year.
    let start = Day.civil(year: year, month: first, day: 1)
    return try ReportPeriod(kind: kind, from: start, through: Day.lastDay(ofMonth: last, year: year + years - 1))
  }

  /// Parses what `--period` accepts: 2023-Q1, 2023-H1, 2022-9M, 2023, or 2020-2025 for a term.
  public init(parsing text: String) throws(DomainError) {
    let t = text.filter { !$0.isWhitespace }.uppercased()
    let parts = t.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    func bad() -> DomainError {
      DomainError(
        "period.unreadable",
        "Không đọc được kỳ báo cáo \"\(text)\": ghi 2023-Q1 (quý), 2023-H1 (6 tháng), 2022-9M (9 tháng), 2023 (năm) hoặc 2020-2025 (nhiệm kỳ)."
      )
    }
    guard let year = Int(parts[0]), parts[0].count == 4 else { throw bad() }
    if parts.count == 1 {
      self = try .year(year)
      return
    }
    guard parts.count == 2 else { throw bad() }
    let tail = parts[1]
    if tail.count == 4, let last = Int(tail) {
      self = try .term(from: year, to: last)
    } else if tail.hasPrefix("Q"), let q = Int(tail.dropFirst()) {
      self = try .quarter(q, of: year)
    } else if tail == "H1" || tail == "6M" {
      self = try .halfYear(year)
    } else if tail == "9M" {
      self = try .nineMonths(year)
    } else {
      throw bad()
    }
  }

  /// The same stretch one year earlier (for a term, the term before), what "so với cùng kỳ" compares with.
  public var sameTimeLastYear: ReportPeriod {
    let shift =
      switch kind {
      case .term: through.year - from.year + 1
      case .midTerm: (termEnd ?? from.year + 1) - from.year
      default: 1
      }
    // Both ends move by whole years, so the order of the ends is kept; the earlier years may lie before
    // `reportedYears` (a report of 1900 compares with 1899, which simply has no records).
    let back = { (d: Day) -> Day in d.adding(months: -12 * shift) }
    return ReportPeriod(checked: kind, from: back(from), through: back(through), termEnd: termEnd.map { $0 - shift })
  }

  public func contains(_ day: Day) -> Bool { from <= day && day <= through }

  /// Term summaries and mid-term reviews count in lượt and compare with the term before (or the same stretch of
  /// it), as the congress documents do.
  public var spansTerm: Bool { kind == .term || kind == .midTerm }

  /// What its figures are compared with: "năm trước" for a year, "nhiệm kỳ trước" for a term, "cùng kỳ
  /// nhiệm kỳ trước" for a mid-term review, "cùng kỳ" for the rest.
  public var comparedWith: Change.Against {
    switch kind {
    case .year: .yearBefore
    case .term: .termBefore
    case .midTerm: .sameTimeTermBefore
    default: .samePeriod
    }
  }

  /// The first day after the period, the exclusive end SQL ranges use.
  public var end: Day { through.adding(days: 1) }

  /// How the reports name it: "quý I năm 2023", "9 tháng đầu năm 2022", "nhiệm kỳ 2020–2025",
  /// "từ đầu nhiệm kỳ 2020–2025 đến ngày 30/6/2023".
  public var nameVi: String {
    switch kind {
    case .quarter:
      let q = (from.components.month - 1) / 3
      return "quý \(["I", "II", "III", "IV"][q]) năm \(from.year)"
    case .halfYear: return "6 tháng đầu năm \(from.year)"
    case .nineMonths: return "9 tháng đầu năm \(from.year)"
    case .year: return "năm \(from.year)"
    case .term: return "nhiệm kỳ \(from.year)–\(through.year + 1)"
    case .midTerm:
      return "từ đầu nhiệm kỳ \(from.year)–\(termEnd ?? through.year + 1) đến ngày \(through.vietnamese)"
    case .range: return "từ ngày \(from.vietnamese) đến ngày \(through.vietnamese)"
    }
  }
}
