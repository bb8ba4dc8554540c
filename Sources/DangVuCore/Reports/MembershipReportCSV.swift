/// The membership report as CSV rows: one row per figure, with the same period a year earlier and the change
/// (blank when the report makes no comparison).
public enum MembershipReportCSV {
  public static let header = ["tu_ngay", "den_ngay", "pham_vi", "chi_tieu", "so_lieu", "cung_ky", "tang_giam", "ty_le"]

  public static func rows(_ r: MembershipReport) -> [[String]] {
    let c = r.counts
    let p = r.previous
    let changes = r.changes
    var rows = [header]
    func add(_ key: String, _ current: Int, _ earlier: Int?, share: Percent? = nil) {
      // Without a comparison the earlier column and the change stay blank.
      let previous = r.comparison.available ? earlier : nil
      rows.append([
        r.period.from.iso, r.period.through.iso, r.scopeCode, key, String(current), previous.map(String.init) ?? "",
        (changes[key]?.difference ?? previous.map { current - $0 }).map(String.init) ?? "", share?.description ?? "",
      ])
    }
    add("admitted", c.admitted, p.admitted, share: r.admissionsShareOfPlan)
    if let plan = r.admissionPlan { add("admissionPlan", plan, nil) }
    add("madeOfficial", c.madeOfficial, p.madeOfficial)
    add("notRecognised", c.notRecognised, p.notRecognised)
    add("struckOff", c.struckOff, p.struckOff)
    add("askedToLeave", c.askedToLeave, p.askedToLeave)
    add("unqualifiedRemoved", c.unqualifiedRemoved, p.unqualifiedRemoved)
    add("expelled", c.expelled, p.expelled)
    add("died", c.died, p.died)
    add("transfersIn", c.transfersIn, p.transfersIn)
    add("transfersInFromOutside", c.transfersInFromOutside, p.transfersInFromOutside)
    add("transfersOut", c.transfersOut, p.transfersOut)
    add("transfersOutToOutside", c.transfersOutToOutside, p.transfersOutToOutside)
    add("exempted", c.exempted, p.exempted)
    add("restored", c.restored, p.restored)
    add("members", c.members, p.members, share: r.shareOfPopulation)
    add("official", c.official, p.official, share: r.share(c.official))
    add("probationary", c.probationary, p.probationary, share: r.share(c.probationary))
    add("exempt", c.exempt, p.exempt, share: r.share(c.exempt))
    add("inTransit", c.inTransit, p.inTransit)
    let s = c.structure
    add("women", s.women, p.structure.women, share: r.share(s.women))
    add("ethnicMinority", s.ethnicMinority, p.structure.ethnicMinority, share: r.share(s.ethnicMinority))
    add("religious", s.religious, p.structure.religious, share: r.share(s.religious))
    for band in AgeBand.allCases {
      let count = s.ageBands[band.label] ?? 0
      add("age:\(band.label)", count, p.structure.ageBands[band.label], share: r.share(count))
    }
    for level in EducationLevel.sorted(s.education.keys) {
      let count = s.education[level] ?? 0
      add("education:\(level)", count, p.structure.education[level], share: r.share(count))
    }
    return rows
  }
}
