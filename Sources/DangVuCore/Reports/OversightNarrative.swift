/// The oversight report drafted in the register of the published reports, ready to paste into a document:
/// "Các cấp ủy, tổ chức đảng đã kiểm tra, giám sát chuyên đề 20 tổ chức đảng (tăng 7 tổ chức so với cùng kỳ)
/// và 59 đảng viên …; thi hành kỷ luật 30 đảng viên (khiển trách 20, cảnh cáo 7, cách chức 2, khai trừ 1) …".
///
/// Subjects are counted once each (distinct); where the lượt differ, they follow in brackets.
public enum OversightNarrative {
  public static func text(_ r: OversightReport) -> String {
    var paragraphs: [String] = []
    let all = "oversight.all"
    paragraphs.append(
      "\(r.periodName.capitalisedFirst), các cấp ủy, tổ chức đảng và ủy ban kiểm tra các cấp trong \(r.scopeName) "
        + "đã kiểm tra, giám sát \(subjects(r, all, units: true)) và \(subjects(r, all, units: false)). Trong đó: "
        + "kiểm tra \(subjects(r, "oversight.inspection", units: true)) và \(subjects(r, "oversight.inspection", units: false)); "
        + "giám sát \(subjects(r, "oversight.supervision", units: true)) và \(subjects(r, "oversight.supervision", units: false))."
    )
    paragraphs.append(
      "Các cấp ủy, tổ chức đảng đã kiểm tra, giám sát chuyên đề \(subjects(r, "oversight.thematic", units: true)) "
        + "và \(subjects(r, "oversight.thematic", units: false)); kiểm tra, giám sát thường xuyên "
        + "\(subjects(r, "oversight.regular", units: true)) và \(subjects(r, "oversight.regular", units: false)).")
    var kinds: [String] = []
    for kind in OversightKind.allCases {
      let key = "oversight.kind.\(kind.code)"
      guard r["\(key).units"] + r["\(key).members"] > 0 else { continue }
      // "và 0 đảng viên" after a kind no member can be the subject of says nothing.
      let members =
        kind.inspectsOrganisationsOnly && r["\(key).members"] == 0 ? "" : " và \(subjects(r, key, units: false))"
      kinds.append("\(kind.nameVi): \(subjects(r, key, units: true))\(members)")
    }
    if !kinds.isEmpty { paragraphs.append("Theo loại:\n- " + kinds.joined(separator: ";\n- ") + ".") }
    let bodies = ConductingBody.Organ.allCases.map { organ in
      let key = "oversight.body.\(organ.rawValue)"
      return "\(organ.nameVi.capitalisedFirst) các cấp kiểm tra, giám sát \(subjects(r, key, units: true)) "
        + "và \(subjects(r, key, units: false))"
    }
    paragraphs.append(bodies.joined(separator: "; ") + ".")
    paragraphs.append(discipline(r))
    paragraphs.append(complaints(r))
    return paragraphs.joined(separator: "\n\n") + "\n"
  }

  static func discipline(_ r: OversightReport) -> String {
    let total = r["discipline.members"]
    var text: String
    if total == 0 {
      text = "Không có đảng viên bị thi hành kỷ luật" + since(r.change("discipline.members"), noun: "đảng viên") + "."
    } else {
      let forms = DisciplineForm.forMembers.map { "\($0.nameVi) \(n(r["discipline.members.\($0.rawValue)"]))" }
      text =
        "Thi hành kỷ luật \(n(total)) đảng viên (\(forms.joined(separator: ", ")))"
        + since(r.change("discipline.members"), noun: "đảng viên", comma: true)
      let named = r.categories.filter { r["discipline.members.category.\($0.code)"] > 0 }.map {
        "\($0.nameVi) (\(n(r["discipline.members.category.\($0.code)"])))"
      }
      if !named.isEmpty { text += "; vi phạm về \(named.joined(separator: ", "))" }
      let both = r["discipline.members.prohibitedOrPopulation"]
      if both > 0 {
        let names = r.categories.filter { ViolationCategory.prohibitedOrPopulation.contains($0.code) }.map(\.nameVi)
        text +=
          "; trong đó \(n(both)) trường hợp vi phạm \(names.joined(separator: " và ")) "
          + "(chiếm \(r.sharesVi["discipline.members.prohibitedOrPopulation"] ?? "0")%)"
      }
      text += "."
    }
    let units = r["discipline.units"]
    if units > 0 {
      let forms = DisciplineForm.forUnits.map { "\($0.nameVi) \(n(r["discipline.units.\($0.rawValue)"]))" }
      text +=
        " Thi hành kỷ luật \(n(units)) tổ chức đảng (\(forms.joined(separator: ", ")))"
        + since(r.change("discipline.units"), noun: "tổ chức", comma: true) + "."
    }
    return text
  }

  static func complaints(_ r: OversightReport) -> String {
    let received = r["complaints.all.received"]
    let resolved = r["complaints.all.resolved"]
    var text =
      "Tiếp nhận \(n(received)) đơn khiếu nại, tố cáo (khiếu nại \(n(r["complaints.complaint.received"])), "
      + "tố cáo \(n(r["complaints.denunciation.received"])))"
      + since(r.change("complaints.all.received"), noun: "đơn", comma: true)
      + "; giải quyết \(n(resolved)) đơn"
    if resolved > 0 {
      let findings = Complaint.Finding.allCases.map { "\($0.nameVi) \(n(r["complaints.all.resolved.\($0.rawValue)"]))" }
      text += " (\(findings.joined(separator: ", ")))"
    }
    return text + since(r.change("complaints.all.resolved"), noun: "đơn", comma: true) + "."
  }

  /// "20 tổ chức đảng (tăng 7 tổ chức so với cùng kỳ)", "59 đảng viên (62 lượt, bằng cùng kỳ)".
  static func subjects(_ r: OversightReport, _ key: String, units: Bool) -> String {
    let distinct = r.change("\(key).\(units ? "unitsDistinct" : "membersDistinct")")
    let visits = r["\(key).\(units ? "units" : "members")"]
    var notes: [String] = []
    if visits != distinct.current { notes.append("\(n(visits)) lượt") }
    let noun = units ? "tổ chức" : "đảng viên"
    if let change = distinct.clause(.samePeriod, noun: noun) { notes.append(change) }
    let bracket = notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))"
    return "\(n(distinct.current)) \(units ? "tổ chức đảng" : "đảng viên")\(bracket)"
  }

  /// ", tăng 5 đảng viên so với cùng kỳ" or " (tăng 5 … so với cùng kỳ)".
  static func since(_ change: Change, noun: String, comma: Bool = false) -> String {
    guard let phrase = change.clause(.samePeriod, noun: noun) else { return "" }
    return comma ? ", \(phrase)" : " (\(phrase))"
  }

  static func n(_ value: Int) -> String { VietnameseNumber.count(value) }
}
