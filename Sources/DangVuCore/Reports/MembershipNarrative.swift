/// The membership report drafted in the register of the published reports, ready to paste.
public enum MembershipNarrative {
  public static func text(_ r: MembershipReport) -> String {
    let c = r.counts
    var paragraphs: [String] = []
    // A mid-term review is written from where the committee stands, as the oversight narrative is.
    let opening = r.period.kind == .midTerm ? "Từ đầu nhiệm kỳ đến nay" : "Trong \(r.period.nameVi)"
    var admissions = "\(opening), toàn \(r.scopeName) kết nạp \(n(c.admitted)) đảng viên"
    if let plan = r.admissionPlan, let share = r.admissionsShareOfPlan {
      admissions += ", đạt \(share.vietnamese)% kế hoạch năm (\(n(plan)) đảng viên)"
    }
    if let change = r.admissionsChange {
      // A term is compared with the term before (or the same stretch of it), not with "cùng kỳ năm 2019".
      admissions +=
        ", "
        + (r.period.spansTerm
          ? change.clause(against: r.period.comparedWith.vietnamese)
          : change.clause(year: r.previousPeriod.through.year))
    }
    admissions += "."
    if let within = r.admissionsWithinTarget, let band = r.admissionsTarget {
      admissions +=
        within
        ? " Đạt chỉ tiêu kết nạp \(band.valueVi) mỗi năm."
        : " Chưa nằm trong chỉ tiêu kết nạp \(band.valueVi) mỗi năm."
    }
    paragraphs.append(admissions)

    var register =
      "Đến ngày \(r.period.through.vietnamese), tổng số đảng viên là \(n(c.members)) đồng chí "
      + "(chính thức \(n(c.official)), dự bị \(n(c.probationary)))"
    if let share = r.shareOfPopulation { register += ", chiếm \(share.vietnamese)% dân số" }
    register += "; \(n(c.exempt)) đồng chí được miễn công tác và sinh hoạt đảng."
    if c.inTransit > 0 { register += " Có \(n(c.inTransit)) đảng viên đang chuyển sinh hoạt đảng." }
    paragraphs.append(register)

    let changes = r.changes
    func with(_ key: String) -> String { changes[key]?.vietnamese.map { " (\($0))" } ?? "" }
    paragraphs.append(
      "Công nhận \(n(c.madeOfficial)) đảng viên chính thức\(with("madeOfficial")). "
        + "Đưa \(n(c.unqualifiedRemoved)) đảng viên không còn đủ tư cách ra khỏi Đảng\(with("unqualifiedRemoved")), "
        + "trong đó xóa tên \(n(c.struckOff))\(with("struckOff")), cho ra khỏi Đảng \(n(c.askedToLeave))"
        + "\(with("askedToLeave")); khai trừ \(n(c.expelled))\(with("expelled")); "
        + "từ trần \(n(c.died))\(with("died")); không công nhận đảng viên chính thức \(n(c.notRecognised)).")
    paragraphs.append(
      "Tiếp nhận \(n(c.transfersIn)) đảng viên chuyển đến (từ ngoài tỉnh \(n(c.transfersInFromOutside))); "
        + "chuyển đi \(n(c.transfersOut)) đảng viên (ra ngoài tỉnh \(n(c.transfersOutToOutside))).")

    let s = c.structure
    if c.members > 0 {
      var structure =
        "Về cơ cấu: đảng viên nữ \(n(s.women)) (\(pct(r.share(s.women)))), dân tộc thiểu số \(n(s.ethnicMinority)) "
        + "(\(pct(r.share(s.ethnicMinority)))), có đạo \(n(s.religious)) (\(pct(r.share(s.religious))))"
      if let age = r.averageAge { structure += "; tuổi bình quân \(age.vietnamese)" }
      let bands = AgeBand.allCases.compactMap { band -> String? in
        guard let count = s.ageBands[band.label], count > 0 else { return nil }
        return "\(band.label) \(n(count)) (\(pct(r.share(count))))"
      }
      if !bands.isEmpty { structure += "; " + bands.joined(separator: ", ") }
      paragraphs.append(structure + ".")
    }
    return paragraphs.joined(separator: "\n\n") + "\n"
  }

  private static func n(_ value: Int) -> String { VietnameseNumber.count(value) }
  private static func pct(_ p: Percent?) -> String { p.map { "\($0.vietnamese)%" } ?? "–" }
}
