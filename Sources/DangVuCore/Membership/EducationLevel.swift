/// The order a report lists general-education and qualification levels in: from lowest to highest, as
/// the register records them ("5/12", "9/12", "12/12", "Trung cấp", "Cao đẳng", "Đại học", "Thạc sĩ",
/// "Tiến sĩ"). The register keeps the words staff typed, so a level is recognised with or without marks;
/// one it does not know goes after the known ones, in alphabetical order.
public enum EducationLevel {
  /// The qualifications above general school, lowest first, as folded words.
  static let qualifications = [
    "so cap", "trung cap", "cao dang", "dai hoc", "thac si", "tien si", "tien si khoa hoc",
  ]

  /// The levels sorted from lowest to highest, unknown ones last.
  public static func sorted(_ levels: some Sequence<String>) -> [String] {
    levels.sorted { a, b in
      let (ra, rb) = (rank(a), rank(b))
      if ra != rb { return (ra ?? .infinity) < (rb ?? .infinity) }
      return a < b
    }
  }

  /// A general-school level "9/12" ranks by its share of the school years (so "7/10" of the old system sits
  /// between "5/12" and "9/12"), below 1; a qualification ranks 1 and up; nil for a level not known.
  static func rank(_ level: String) -> Double? {
    let parts = level.split(separator: "/").map { $0.filter { $0 != " " } }
    if parts.count == 2, let done = Int(parts[0]), let years = Int(parts[1]), years > 0, (0...years).contains(done) {
      return Double(done) / Double(years)
    }
    let words = SearchFolding.words(level).joined(separator: " ")
    return qualifications.firstIndex(of: words).map { Double($0 + 1) }
  }
}
