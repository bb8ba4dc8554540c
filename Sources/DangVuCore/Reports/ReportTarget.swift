/// A target a resolution sets (chỉ tiêu): what it measures, whom it binds, for which years, and the document it
/// comes from. Targets are records, not constants: a province's admissions band binds the province's own total
/// for the years of its resolution, never a district's report, and the share of good grades binds the units a
/// resolution names for the years it names.
public struct ReportTarget: Hashable, Sendable, Codable {
  public enum Measure: String, Hashable, Sendable, Codable, CaseIterable {
    /// Admissions a year, `low…high`, counted for the target's own unit: a band for a total does not divide
    /// among the units below.
    case admissionsPerYear
    /// At least `low` % of organisations and of members graded good or above, in the unit and every unit below.
    case goodOrAbovePercent

    public var nameVi: String {
      switch self {
      case .admissionsPerYear: "Kết nạp đảng viên mỗi năm"
      case .goodOrAbovePercent: "Tỷ lệ hoàn thành tốt nhiệm vụ trở lên"
      }
    }

    /// Whether the units below the target's unit are bound too.
    public var bindsUnitsBelow: Bool { self == .goodOrAbovePercent }
  }

  /// Nil until stored.
  public var id: Int64?
  public var measure: Measure
  /// The unit whose resolution it is; nil for a central resolution binding every unit.
  public var scopeCode: String?
  public var years: ClosedRange<Int>
  public var low: Int
  /// The top of a band; nil for "at least".
  public var high: Int?
  /// The resolution, e.g. "Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương".
  public var source: String

  /// Checks the figures of a target as a person types them; every message names the field.
  public init(
    id: Int64? = nil, measure: Measure, scopeCode: String?, years: ClosedRange<Int>, low: Int, high: Int? = nil,
    source: String
  ) throws(DomainError) {
    let source = PartyReportText.trimmed(source)
    guard Day.recordedYears.contains(years.lowerBound), Day.recordedYears.contains(years.upperBound) else {
      throw DomainError("target.years", "Năm áp dụng chỉ tiêu \(years.lowerBound)–\(years.upperBound) không hợp lệ.")
    }
    switch measure {
    case .admissionsPerYear:
      guard low >= 0, let high, high >= low else {
        throw DomainError(
          "target.band",
          "Chỉ tiêu kết nạp cần cận dưới và cận trên, cận trên không nhỏ hơn cận dưới (\(low)–\(high.map(String.init) ?? "?"))."
        )
      }
    case .goodOrAbovePercent:
      guard (1...100).contains(low), high == nil else {
        throw DomainError(
          "target.percent", "Tỷ lệ hoàn thành tốt nhiệm vụ trở lên phải từ 1 đến 100% (đã nhập \(low)).")
      }
    }
    guard !source.isEmpty else {
      throw DomainError("target.source", "Hãy ghi văn bản đặt ra chỉ tiêu (ví dụ: Nghị quyết số 21-NQ/TW).")
    }
    try TextRules.check(source, .targetSource)
    self.id = id
    self.measure = measure
    self.scopeCode = scopeCode
    self.years = years
    self.low = low
    self.high = high
    self.source = source
  }

  /// The years from `from` to `until` as typed or read, refused when `until` comes first (a range the other way
  /// round would stop the program rather than be refused).
  public static func years(from: Int, until: Int) throws(DomainError) -> ClosedRange<Int> {
    guard from <= until else {
      throw DomainError("target.years", "Năm kết thúc \(until) trước năm bắt đầu \(from).")
    }
    return from...until
  }

  /// "1.600–1.800 đảng viên" or "90%".
  public var valueVi: String {
    switch measure {
    case .admissionsPerYear:
      "\(VietnameseNumber.count(low))–\(VietnameseNumber.count(high ?? low)) đảng viên"
    case .goodOrAbovePercent: "\(low)%"
    }
  }

  /// Whether a share of good-or-above grades meets this target (exact integer arithmetic: 9/10 meets 90%).
  public func isMet(goodOrAbove: Int, of evaluated: Int) -> Bool { goodOrAbove * 100 >= evaluated * low }

  /// Whether a year's admissions fall in the band.
  public func isMet(admitted: Int) -> Bool { admitted >= low && admitted <= (high ?? Int.max) }
}

extension ReportTarget {
  enum Keys: String, CodingKey {
    case id, measure, scopeCode, fromYear, untilYear, low, high, source, valueVi
  }

  /// Years as `fromYear`/`untilYear` (not a range's array), with the value as a report words it.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encodeIfPresent(id, forKey: .id)
    try c.encode(measure, forKey: .measure)
    try c.encodeIfPresent(scopeCode, forKey: .scopeCode)
    try c.encode(years.lowerBound, forKey: .fromYear)
    try c.encode(years.upperBound, forKey: .untilYear)
    try c.encode(low, forKey: .low)
    try c.encodeIfPresent(high, forKey: .high)
    try c.encode(source, forKey: .source)
    try c.encode(valueVi, forKey: .valueVi)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Keys.self)
    let years = try Self.years(
      from: try c.decode(Int.self, forKey: .fromYear), until: try c.decode(Int.self, forKey: .untilYear))
    try self.init(
      id: try c.decodeIfPresent(Int64.self, forKey: .id), measure: try c.decode(Measure.self, forKey: .measure),
      scopeCode: try c.decodeIfPresent(String.self, forKey: .scopeCode), years: years,
      low: try c.decode(Int.self, forKey: .low), high: try c.decodeIfPresent(Int.self, forKey: .high),
      source: try c.decode(String.self, forKey: .source))
  }
}

/// Which stored target a report is read against.
public enum ReportTargets {
  /// The target of `measure` binding the unit `scope` in `year`, given the codes of the units above it
  /// (nearest first). A target of the unit itself comes first, then the nearest unit above whose target binds
  /// units below, then a central one (no unit). Among several of one unit, the one of the latest years.
  public static func binding(
    _ measure: ReportTarget.Measure, in targets: [ReportTarget], scope: String, above: [String], year: Int
  ) -> ReportTarget? {
    let candidates = targets.filter { $0.measure == measure && $0.years.contains(year) }
    func latest(_ targets: [ReportTarget]) -> ReportTarget? {
      targets.max { ($0.years.lowerBound, $0.id ?? 0) < ($1.years.lowerBound, $1.id ?? 0) }
    }
    if let own = latest(candidates.filter { $0.scopeCode == scope }) { return own }
    guard measure.bindsUnitsBelow else { return nil }
    for code in above {
      if let target = latest(candidates.filter { $0.scopeCode == code }) { return target }
    }
    return latest(candidates.filter { $0.scopeCode == nil })
  }
}

extension TextField {
  public static let targetSource = TextField("source", "Văn bản đặt chỉ tiêu", maxLength: 300)
}
