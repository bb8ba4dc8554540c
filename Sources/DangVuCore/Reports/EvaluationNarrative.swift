/// The report drafted in the register of the published ones, ready to paste into a document.
public enum EvaluationNarrative {
  public static func text(_ r: EvaluationReport) -> String {
    let orgs = r.organisations.counts
    let members = r.members.counts
    var paragraphs: [String] = []
    // A quarter compares with the same quarter a year before, a term with the term before.
    let against = r.cycle?.period.comparedWith ?? .yearBefore
    paragraphs.append(
      "\(r.cycleNameVi.prefix(1).uppercased() + r.cycleNameVi.dropFirst()), toàn \(r.scopeName) có \(n(orgs.evaluated)) tổ chức đảng và \(n(members.evaluated)) đảng viên "
        + "được phân tích, đánh giá chất lượng. Kết quả, có \(ratio(orgs.goodOrAbove, orgs.evaluated)) tổ chức đảng "
        + "\(share(orgs.shares.goodOrAbove)) và \(ratio(members.goodOrAbove, members.evaluated)) đảng viên "
        + "\(share(members.shares.goodOrAbove)) được xếp loại hoàn thành tốt nhiệm vụ trở lên.")
    var kinds = "Về tổ chức đảng:"
    for line in r.organisationKinds where line.counts.total > 0 {
      kinds += "\n- " + sentence(for: line, noun: "", against: against)
    }
    paragraphs.append(kinds)
    paragraphs.append("Về đảng viên: " + sentence(for: r.members, noun: "đảng viên", against: against))
    for line in [r.leadershipCollectives, r.leadershipCadres] where line.counts.total > 0 {
      // The paragraph's opening names the subject; the sentence does not say it again.
      paragraphs.append("Về \(line.label): " + sentence(for: line, noun: "", labelled: false, against: against))
    }
    if let target = r.target, r.belowTarget.isEmpty {
      paragraphs.append(
        "Các đơn vị trực thuộc đều đạt chỉ tiêu từ \(target.low)% trở lên tổ chức đảng và đảng viên hoàn thành tốt "
          + "nhiệm vụ (\(target.source)).")
    } else if let target = r.target {
      let list = r.belowTarget.map {
        "\($0.name) (\($0.subject == "member" ? "đảng viên" : "tổ chức đảng") \(ratio($0.goodOrAbove, $0.evaluated)), chiếm \($0.share.vietnamese)%)"
      }
      paragraphs.append(
        "Có \(r.belowTarget.count) trường hợp chưa đạt chỉ tiêu \(target.low)% hoàn thành tốt nhiệm vụ trở lên "
          + "(\(target.source)): \(list.joined(separator: "; ")).")
    }
    if !r.excellentCapWarnings.isEmpty {
      paragraphs.append(
        "Lưu ý: \(r.excellentCapWarnings.count) tổ chức cơ sở có tỷ lệ hoàn thành xuất sắc nhiệm vụ vượt "
          + "\(r.policy.excellentCapPercentOfGoodOrAbove)% số hoàn thành tốt nhiệm vụ trở lên.")
    }
    return paragraphs.joined(separator: "\n\n") + "\n"
  }

  /// "18/19 được đánh giá, xếp loại; 1 chưa đánh giá, xếp loại; 17/18 (chiếm 94,44%) hoàn thành tốt nhiệm vụ trở lên, …"
  static func sentence(
    for line: EvaluationReport.Line, noun: String, labelled: Bool = true, against: Change.Against = .yearBefore
  ) -> String {
    let c = line.counts
    let s = c.shares
    let unit = noun.isEmpty ? "" : " \(noun)"
    var parts: [String] = []
    let label = noun.isEmpty && labelled ? line.label.capitalisedFirst + ": " : ""
    parts.append(
      "\(label)\(ratio(c.evaluated, c.total))\(unit) \(share(s.evaluated)) được đánh giá, xếp loại"
        + change(line, "evaluated", against))
    if c.notEvaluatedTotal > 0 {
      let subject = line.reasonSubject
      let reasons = c.notEvaluated.sorted { $0.key.rawValue < $1.key.rawValue }.map {
        "\($0.value) \($0.key.nameVi(for: subject))"
      }
      parts.append(
        "\(n(c.notEvaluatedTotal))\(unit) \(share(s.notEvaluated)) chưa đánh giá, xếp loại (\(reasons.joined(separator: "; ")))"
          + change(line, "notEvaluated", against))
    }
    parts.append(
      "\(ratio(c.goodOrAbove, c.evaluated))\(unit) \(share(s.goodOrAbove)) hoàn thành tốt nhiệm vụ trở lên"
        + change(line, "goodOrAbove", against)
        + ", trong đó \(n(c.excellent)) \(share(s.excellent, of: "số hoàn thành tốt nhiệm vụ trở lên")) "
        + "hoàn thành xuất sắc nhiệm vụ" + change(line, "excellent", against))
    parts.append("\(n(c.complete))\(unit) \(share(s.complete)) hoàn thành nhiệm vụ" + change(line, "complete", against))
    parts.append(
      "\(n(c.notComplete))\(unit) \(share(s.notComplete)) không hoàn thành nhiệm vụ"
        + change(line, "notComplete", against))
    return parts.joined(separator: "; ") + "."
  }

  static func n(_ value: Int) -> String { VietnameseNumber.count(value) }
  static func ratio(_ part: Int, _ whole: Int) -> String { "\(n(part))/\(n(whole))" }
  static func share(_ p: Percent?, of base: String? = nil) -> String {
    guard let p else { return "" }
    return "(chiếm \(p.vietnamese)%\(base.map { " \($0)" } ?? ""))"
  }
  static func change(_ line: EvaluationReport.Line, _ key: String, _ against: Change.Against = .yearBefore) -> String {
    line.changes[key]?.clause(against).map { " (\($0))" } ?? ""
  }
}
