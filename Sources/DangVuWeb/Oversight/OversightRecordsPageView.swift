import DangVuCore
import DangVuStore

enum OversightRecordsPageView {
  static func render(_ model: OversightRecordsPageModel) -> HTML {
    let records = model.records
    let actions: HTML =
      model.canEdit
      ? """
      <p><a href="\(Links.newInspection(unit: model.unit.code))">Ghi cuộc kiểm tra, giám sát</a> · \
      <a href="\(Links.newDiscipline(unit: model.unit.code))">Ghi quyết định kỷ luật</a> · \
      <a href="\(Links.newComplaint(unit: model.unit.code))">Ghi đơn khiếu nại, tố cáo</a></p>
      """ : .empty
    let programmes: HTML = """
      <p><a href="\(Links.programmes(unit: model.unit.code, year: model.period.through.year))">\
      Chương trình kiểm tra, giám sát năm \(model.period.through.year)</a></p>
      """
    return Layout.page(
      title: "Kiểm tra, giám sát, kỷ luật — \(model.unit.name)",
      body: """
        <h1>Kiểm tra, giám sát, kỷ luật: \(model.unit.name)</h1>
        <form class="date" method="get" action="/kiem-tra-ky-luat">
        <label>Kỳ <input name="ky" value="\(model.periodText)" size="10" placeholder="2023, 2023-Q1, 2020-2025"></label>
        <label>Tổ chức <input name="to-chuc" value="\(model.unit.code)" size="12"></label>
        <button type="submit">Xem</button>
        </form>
        <p class="muted">\(model.period.nameVi), từ \(model.period.from.vietnamese) đến \(model.period.through.vietnamese).</p>
        \(actions)
        \(programmes)
        <h2>Kiểm tra, giám sát (\(records.inspections.count))</h2>
        \(inspections(records))
        <h2>Kỷ luật (\(records.discipline.count))</h2>
        \(discipline(records, today: model.today))
        <h2>Khiếu nại, tố cáo (\(records.complaints.count))</h2>
        \(complaints(model))
        """)
  }

  private static func table(_ head: HTML, _ rows: [HTML], empty: String) -> HTML {
    guard !rows.isEmpty else { return "<p class=\"muted\">\(empty)</p>" }
    return "<div class=\"table\"><table><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div>"
  }

  private static func inspections(_ records: OversightRecords) -> HTML {
    let rows = records.inspections.map { inspection -> HTML in
      let subjects = inspection.subjects.map { subject -> String in
        let finding = subject.violationFound.map { $0 ? " (có vi phạm)" : " (không vi phạm)" } ?? ""
        return records.name(of: subject.subject) + finding
      }.joined(separator: "; ")
      return """
        <tr><td>\(inspection.started.vietnamese)</td><td>\(inspection.kind.nameVi)</td>\
        <td><a href="\(Links.inspection(inspection.id))">\(inspection.title)</a></td><td>\(inspection.body.organ.nameVi) \(inspection.body.unitCode)</td>\
        <td>\(subjects)</td><td>\(inspection.concluded?.vietnamese ?? "đang tiến hành")</td></tr>
        """
    }
    return table(
      "<th>Bắt đầu</th><th>Loại</th><th>Nội dung</th><th>Chủ thể</th><th>Đối tượng</th><th>Kết luận</th>", rows,
      empty: "Không có cuộc kiểm tra, giám sát nào trong kỳ.")
  }

  private static func discipline(_ records: OversightRecords, today: Day) -> HTML {
    let rows = records.discipline.map { history -> HTML in
      let d = history.decision
      let now = history.form(on: today)
      let appeals =
        history.appeals.isEmpty
        ? "" : " · khiếu nại: \(history.appeals.count), hình thức hiện tại: \(now?.nameVi ?? "đã hủy")"
      return """
        <tr><td>\(d.decided.vietnamese)</td><td><a href="\(Links.disciplineDecision(d.id))">\(d.number)</a></td><td>\(records.name(of: d.subject))</td>\
        <td>\(d.form.nameVi)\(appeals)</td><td>\(d.categories.joined(separator: ", "))</td>\
        <td>\(d.decidingBody.organ.nameVi) \(d.decidingBody.unitCode)</td></tr>
        """
    }
    return table(
      "<th>Ngày</th><th>Số quyết định</th><th>Đối tượng</th><th>Hình thức</th><th>Vi phạm</th><th>Cơ quan</th>",
      rows, empty: "Không có quyết định kỷ luật nào trong kỳ.")
  }

  private static func complaints(_ model: OversightRecordsPageModel) -> HTML {
    let records = model.records
    let rows = records.complaints.map { complaint -> HTML in
      let state: HTML
      if let resolved = complaint.resolved {
        state = "đã giải quyết \(resolved.vietnamese): \(complaint.finding?.nameVi ?? "")"
      } else if model.canEdit {
        let findings = Complaint.Finding.allCases.map { f -> HTML in
          "<option value=\"\(f.rawValue)\">\(f.nameVi)</option>"
        }
        state = """
          <form method="post" action="\(Links.resolveComplaint(complaint.id))">\(model.csrf)
          <input name="resolved" placeholder="ngày giải quyết" size="10" aria-label="Ngày giải quyết">
          <select name="finding" aria-label="Kết luận">\(findings)</select><button type="submit">Giải quyết</button></form>
          """
      } else {
        state = "đang giải quyết"
      }
      return """
        <tr><td>\(complaint.received.vietnamese)</td><td>\(complaint.kind.nameVi)</td>\
        <td>\(records.name(of: complaint.subject))</td>\
        <td><a href="\(Links.complaint(complaint.id))">\(complaint.summary.isEmpty ? "(xem)" : complaint.summary)</a></td>\
        <td>\(state)</td></tr>
        """
    }
    return table(
      "<th>Ngày nhận</th><th>Loại</th><th>Đối tượng</th><th>Tóm tắt</th><th>Giải quyết</th>", rows,
      empty: "Không có đơn khiếu nại, tố cáo nào trong kỳ.")
  }
}
