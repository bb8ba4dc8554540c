/// The oversight report drafted in the register of the published reports, ready to paste into a document:
/// "Các cấp ủy, tổ chức đảng đã kiểm tra, giám sát chuyên đề 20 tổ chức đảng (tăng 7 tổ chức so với cùng kỳ)
/// và 59 đảng viên …; thi hành kỷ luật 30 đảng viên (khiển trách 20, cảnh cáo 7, cách chức 2, khai trừ 1) …".
///
/// Subjects are counted once each (distinct); where the lượt differ, they follow in brackets. A term summary
/// or a mid-term review counts in lượt and leads with them ("kiểm tra 12 lượt tổ chức đảng (10 tổ chức)").
public enum OversightNarrative {
  public static func text(_ r: OversightReport) -> String {
    var paragraphs: [String] = []
    let all = "oversight.all"
    // A mid-term review is written from where the committee stands: "Từ đầu nhiệm kỳ đến nay".
    let opening = r.period.kind == .midTerm ? "Từ đầu nhiệm kỳ đến nay" : r.periodName.capitalisedFirst
    paragraphs.append(
      "\(opening), các cấp ủy, tổ chức đảng và ủy ban kiểm tra các cấp trong \(r.scopeName) "
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
    paragraphs += ConductingBody.Organ.allCases.map { bodyParagraph(r, organ: $0) }
    paragraphs.append(discipline(r))
    paragraphs.append(complaints(r))
    return paragraphs.joined(separator: "\n\n") + "\n"
  }

  /// "Cấp ủy các cấp kiểm tra 12 tổ chức đảng và 30 đảng viên; giám sát chuyên đề …": each kind the body ran,
  /// in the order of the kinds, and none it did not.
  static func bodyParagraph(_ r: OversightReport, organ: ConductingBody.Organ) -> String {
    var ran: [String] = []
    for kind in OversightKind.allCases {
      let key = "oversight.\(OversightCounts.kindByBodyKey(kind: kind, organ: organ))"
      guard r["\(key).units"] + r["\(key).members"] > 0 else { continue }
      // A side with none now and none before says nothing ("giám sát chuyên đề 8 tổ chức đảng", not "… và 0 đảng
      // viên"); one that fell to none keeps its fall.
      let sides = [true, false].filter { units in
        let change = r.change("\(key).\(units ? "units" : "members")")
        return change.current > 0 || (change.previous ?? 0) > 0
      }
      ran.append("\(kind.ranByVi) " + sides.map { subjects(r, key, units: $0) }.joined(separator: " và "))
    }
    guard !ran.isEmpty else { return "\(organ.everyLevelVi) không tiến hành kiểm tra, giám sát." }
    return "\(organ.everyLevelVi) \(ran.joined(separator: "; "))."
  }

  static func discipline(_ r: OversightReport) -> String {
    let total = r["discipline.members"]
    var text: String
    if total == 0 {
      text =
        "Không có đảng viên bị thi hành kỷ luật"
        + since(r, "discipline.members", noun: "đảng viên") + "."
    } else {
      let forms = DisciplineForm.forMembers.map { "\($0.nameVi) \(n(r["discipline.members.\($0.rawValue)"]))" }
      text =
        "Thi hành kỷ luật \(n(total)) đảng viên (\(forms.joined(separator: ", ")))"
        + since(r, "discipline.members", noun: "đảng viên", comma: true)
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
        + since(r, "discipline.units", noun: "tổ chức", comma: true) + "."
    }
    return text
  }

  /// "Giải quyết tố cáo với 2 tổ chức đảng và 9 đảng viên": who the resolved cases were about, each kind that
  /// had any, and the same for those received.
  static func complaintSubjects(_ r: OversightReport) -> String? {
    var parts: [String] = []
    for action in ["received", "resolved"] {
      for kind in Complaint.Kind.allCases.reversed() {
        let key = "complaints.\(kind.rawValue)"
        let units = r["\(key).units.\(action)"]
        let members = r["\(key).members.\(action)"]
        guard units + members > 0 else { continue }
        let verb = action == "received" ? "tiếp nhận" : "giải quyết"
        // A denunciation is made against its subject, a complaint by it.
        let about = kind == .denunciation ? "với" : "của"
        let sides = [units > 0 ? "\(n(units)) tổ chức đảng" : nil, members > 0 ? "\(n(members)) đảng viên" : nil]
        parts.append("\(verb) \(kind.nameVi) \(about) \(sides.compactMap { $0 }.joined(separator: " và "))")
      }
    }
    return parts.isEmpty ? nil : parts.joined(separator: "; ").capitalisedFirst + "."
  }

  static func complaints(_ r: OversightReport) -> String {
    let received = r["complaints.all.received"]
    let resolved = r["complaints.all.resolved"]
    var text =
      "Tiếp nhận \(n(received)) đơn khiếu nại, tố cáo (khiếu nại \(n(r["complaints.complaint.received"])), "
      + "tố cáo \(n(r["complaints.denunciation.received"])))"
      + since(r, "complaints.all.received", noun: "đơn", comma: true)
      + "; giải quyết \(n(resolved)) đơn"
    if resolved > 0 {
      let findings = Complaint.Finding.allCases.map { "\($0.nameVi) \(n(r["complaints.all.resolved.\($0.rawValue)"]))" }
      text += " (\(findings.joined(separator: ", ")))"
    }
    text += since(r, "complaints.all.resolved", noun: "đơn", comma: true) + "."
    if let subjects = complaintSubjects(r) { text += " " + subjects }
    return text
  }

  /// "20 tổ chức đảng (tăng 7 tổ chức so với cùng kỳ)", "59 đảng viên (62 lượt, bằng cùng kỳ)"; over a term,
  /// "62 lượt đảng viên (59 đảng viên, tăng 3 lượt so với nhiệm kỳ trước)".
  static func subjects(_ r: OversightReport, _ key: String, units: Bool) -> String {
    let distinct = r.change("\(key).\(units ? "unitsDistinct" : "membersDistinct")")
    let visits = r.change("\(key).\(units ? "units" : "members")")
    let noun = units ? "tổ chức" : "đảng viên"
    var notes: [String] = []
    if r.countsInVisits {
      if visits.current != distinct.current { notes.append("\(n(distinct.current)) \(noun)") }
      if let change = visits.clause(r.period.comparedWith, noun: "lượt") { notes.append(change) }
      let bracket = notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))"
      return "\(n(visits.current)) lượt \(units ? "tổ chức đảng" : "đảng viên")\(bracket)"
    }
    if visits.current != distinct.current { notes.append("\(n(visits.current)) lượt") }
    if let change = distinct.clause(r.period.comparedWith, noun: noun) { notes.append(change) }
    let bracket = notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))"
    return "\(n(distinct.current)) \(units ? "tổ chức đảng" : "đảng viên")\(bracket)"
  }

  /// ", tăng 5 đảng viên so với cùng kỳ" or " (tăng 5 … so với cùng kỳ)": the change of the figure under `key`
  /// against what the period compares with.
  static func since(_ r: OversightReport, _ key: String, noun: String, comma: Bool = false) -> String {
    guard let phrase = r.change(key).clause(r.period.comparedWith, noun: noun) else { return "" }
    return comma ? ", \(phrase)" : " (\(phrase))"
  }

  static func n(_ value: Int) -> String { VietnameseNumber.count(value) }
}
