/// The kind and the days of an evaluation cycle other than the yearly one (366-QĐ/TW allows cycles per term,
/// quarter or ad hoc). The yearly cycle stays keyed by its year; this names the others by their period, the
/// way the reports name a period: "quý I năm 2026", "nhiệm kỳ 2020–2025".
public struct CyclePeriod: Hashable, Sendable, Codable {
  public var kind: CycleKind
  public var period: ReportPeriod

  /// A period of the right shape for the kind: a quarter for `.quarter`, a term for `.term`, plain dates for
  /// `.adHoc`. A yearly cycle is opened by its year, not through here.
  public init(kind: CycleKind, period: ReportPeriod) throws(DomainError) {
    let expected: ReportPeriod.Kind? =
      switch kind {
      case .quarter: .quarter
      case .term: .term
      case .adHoc: .range
      case .year: nil
      }
    guard let expected else {
      throw DomainError(
        "evaluation.yearlyByYear", "Đợt đánh giá hằng năm được mở theo năm, không theo kỳ \(period.nameVi).")
    }
    guard period.kind == expected else {
      throw DomainError(
        "evaluation.periodKind",
        "Đợt đánh giá \(kind.nameVi) không thể có kỳ \"\(period.nameVi)\": hãy ghi \(kind.periodHint).")
    }
    self.kind = kind
    self.period = period
  }

  /// Reads what the command line and the API accept: a quarter "2026-Q1", a term "2020-2025", or for an ad hoc
  /// cycle two days "2026-03-01..2026-04-15".
  public init(kind: CycleKind, parsing text: String) throws(DomainError) {
    if kind == .adHoc {
      let ends = text.split(separator: "..", omittingEmptySubsequences: false)
      guard ends.count == 2, let from = Day(parsing: ends[0]), let through = Day(parsing: ends[1]) else {
        throw DomainError(
          "evaluation.periodUnreadable", "Không đọc được kỳ đánh giá đột xuất \"\(text)\": hãy ghi \(kind.periodHint).")
      }
      try self.init(kind: kind, period: .range(from: from, through: through))
    } else {
      try self.init(kind: kind, period: ReportPeriod(parsing: text))
    }
  }

  /// "quý I năm 2026", "nhiệm kỳ 2020–2025", "đột xuất từ ngày 1/3/2026 đến ngày 15/4/2026".
  public var nameVi: String { kind == .adHoc ? "đột xuất \(period.nameVi)" : period.nameVi }

  /// The words the command line and the API read back: "2026-Q1", "2020-2025", "2026-03-01..2026-04-15".
  public var code: String { Self.code(kind: kind, from: period.from, through: period.through) }

  /// The code of a cycle of `kind` over those days, as `code` gives it: how a stored cycle is read back.
  public static func code(kind: CycleKind, from: Day, through: Day) -> String {
    switch kind {
    case .quarter: "\(from.year)-Q\((from.components.month - 1) / 3 + 1)"
    case .term: "\(from.year)-\(through.year + 1)"
    default: "\(from.iso)..\(through.iso)"
    }
  }
}

extension CycleKind {
  /// "theo quý"
  public var nameVi: String {
    switch self {
    case .term: "theo nhiệm kỳ"
    case .year: "hằng năm"
    case .quarter: "theo quý"
    case .adHoc: "đột xuất"
    }
  }

  var periodHint: String {
    switch self {
    case .term: "nhiệm kỳ, ví dụ 2020-2025"
    case .year: "năm, ví dụ 2026"
    case .quarter: "quý, ví dụ 2026-Q1"
    case .adHoc: "từ ngày..đến ngày, ví dụ 2026-03-01..2026-04-15"
    }
  }
}

extension Regulation {
  /// Refuses a cycle of a kind the regulation does not allow (a quarterly cycle under 124-QĐ/TW), saying what
  /// and where.
  public func allow(_ kind: CycleKind, naming what: String, scope: String) throws(DomainError) {
    guard !cycleKinds.contains(kind) else { return }
    throw DomainError(
      "evaluation.cycleKindNotAllowed",
      "Không mở được đợt đánh giá \(what) cho \(scope): \(id) chỉ cho phép đánh giá "
        + cycleKinds.map(\.nameVi).joined(separator: ", ") + ".")
  }
}
