/// The order a report lists general-education and qualification levels in: from lowest to highest, as
/// the register records them ("5/12", "9/12", "12/12", "Trung cấp", "Cao đẳng", "Đại học", "Thạc sĩ",
/// "Tiến sĩ"). The register keeps the words staff typed, so a level is recognised with or without marks;
/// one it does not know goes after the known ones, in alphabetical order, and "chưa ghi" (not recorded,
/// as the report names a blank) last of all.
public enum EducationLevel {
  /// The qualifications above general school, lowest first, as folded words; names of one level together.
  static let qualifications: [[String]] = [
    ["so cap"], ["trung cap"], ["cao dang"], ["dai hoc", "cu nhan", "ky su"], ["thac si"], ["tien si"],
    ["tien si khoa hoc"],
  ]

  /// What the report calls a level left blank in the register.
  public static let notRecorded = "chưa ghi"

  /// The levels sorted from lowest to highest, unknown ones after them.
  public static func sorted(_ levels: some Sequence<String>) -> [String] {
    levels.sorted { a, b in
      let (ra, rb) = (rank(a), rank(b))
      return ra != rb ? ra < rb : a < b
    }
  }

  /// A general-school level "9/12" ranks by its share of the school years (so "7/10" of the old system sits
  /// between "5/12" and "9/12"), at most 1; a qualification ranks 2 and up; one not known after them all.
  static func rank(_ level: String) -> Double {
    let parts = level.split(separator: "/").map { $0.filter { $0 != " " } }
    if parts.count == 2, let done = Int(parts[0]), let years = Int(parts[1]), years > 0, (0...years).contains(done) {
      return Double(done) / Double(years)
    }
    if level == notRecorded { return Double(qualifications.count + 3) }
    let words = SearchFolding.words(level).joined(separator: " ")
    return Double((qualifications.firstIndex { $0.contains(words) } ?? qualifications.count) + 2)
  }
}
