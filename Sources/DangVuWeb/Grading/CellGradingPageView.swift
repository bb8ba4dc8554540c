import DangVuCore
import DangVuStore

/// Grading a whole cell on one page: a row per member of the evaluation population, prefilled with what is
/// saved (or with what was typed, after a refusal), the rules' refusals beside each row.
struct CellGradingPageModel: Sendable {
  var sheet: CellGradeSheet
  /// What the inputs show, by member id.
  var typed: [Int64: TypedGrade]
  /// Why a row was refused, beside it.
  var rowErrors: [Int64: String] = [:]
  /// Refusals about members not on the page (they left the cell since it was opened).
  var otherErrors: [String] = []
  /// The save was refused as stale: the newer saved grades show beside what was typed.
  var stale = false
  /// Just saved (the page after the redirect).
  var saved = false
  var csrf: HTML

  init(sheet: CellGradeSheet, typed: [Int64: TypedGrade]? = nil, csrf: HTML) {
    self.sheet = sheet
    self.typed =
      typed ?? Dictionary(uniqueKeysWithValues: sheet.rows.map { ($0.member.memberID, TypedGrade($0.saved)) })
    self.csrf = csrf
  }
}

enum CellGradingPageView {
  static func render(_ model: CellGradingPageModel) -> HTML {
    let sheet = model.sheet
    let title = "Xếp loại đảng viên năm \(sheet.year): \(sheet.cellName)"
    return Layout.page(
      title: title,
      body: """
        <style>\(style)</style>
        <nav class="crumbs"><a href="\(Links.home())">Cây tổ chức</a> › <a href="\(Links.unit(sheet.cellCode))">\(sheet.cellName)</a></nav>
        <h1>\(title)</h1>
        \(yearForm(sheet))
        <p><a href="\(Links.gradingProgress(sheet.cellCode, year: sheet.year))">Tiến độ xếp loại, trình cấp trên</a></p>
        <dl class="facts">
        <dt>Quy định</dt><dd>\(sheet.regulation)\(sheet.scored ? " — chấm điểm thang 100 theo nhóm tiêu chí (xuất sắc từ 90, tốt từ 70, hoàn thành từ 50)" : "")</dd>
        <dt>Ngày đánh giá</dt><dd>\(sheet.evaluationDate.vietnamese)</dd>
        <dt>Đảng viên thuộc diện đánh giá</dt><dd class="count">\(sheet.rows.count)</dd>
        </dl>
        \(sheet.scored ? scoredNote : .empty)
        \(notices(model))
        \(table(model))
        \(exempt(sheet))
        """)
  }

  /// A committee's page: members are graded by cell, so it lists the units directly under it, each leading
  /// to its cell's sheet or to the next committee's list.
  static func render(committee: Organisation, year: Int, children: [(unit: Organisation, isCell: Bool)]) -> HTML {
    let title = "Xếp loại đảng viên năm \(year): \(committee.name)"
    let items = children.map { child -> HTML in
      let kind: HTML = child.isCell ? "chi bộ" : "xem các chi bộ trực thuộc"
      return """
        <li><a href="\(Links.cellGrading(child.unit.code, year: year))">\(child.unit.name)</a> \
        <span class="kind">\(kind) · mã \(child.unit.code)</span></li>

        """
    }
    return Layout.page(
      title: title,
      body: """
        <nav class="crumbs"><a href="\(Links.home())">Cây tổ chức</a> › <a href="\(Links.unit(committee.code))">\(committee.name)</a></nav>
        <h1>\(title)</h1>
        \(yearForm(code: committee.code, year: year))
        <p class="muted">Đảng viên được xếp loại theo từng chi bộ. Chọn chi bộ (hoặc tổ chức trực thuộc) để xếp loại.</p>
        \(items.isEmpty ? "<p class=\"muted\">Không có tổ chức trực thuộc vào cuối năm \(year).</p>" as HTML : "<ul class=\"tree\">\n\(items)</ul>")
        """)
  }

  private static func yearForm(_ sheet: CellGradeSheet) -> HTML { yearForm(code: sheet.cellCode, year: sheet.year) }

  private static func yearForm(code: String, year: Int) -> HTML {
    """
    <form class="date" method="get" action="\(Links.cellGrading(code))">
    <label>Năm đánh giá <input type="number" name="nam" value="\(year)" min="1930" max="2200"></label>
    <button type="submit">Xem</button>
    </form>
    """
  }

  private static func notices(_ model: CellGradingPageModel) -> HTML {
    var out: [HTML] = []
    if model.saved {
      out.append("<p class=\"notice\" role=\"status\">Đã lưu kết quả xếp loại của chi bộ (bản nháp).</p>")
    }
    if model.stale {
      out.append(
        """
        <p class="notice" role="alert">Kết quả xếp loại của chi bộ đã được lưu bởi người khác sau khi bạn mở trang; \
        không có gì của bạn được ghi. Lựa chọn của bạn vẫn còn nguyên; kết quả đang lưu ghi bên cạnh những dòng khác \
        với bạn. Hãy xem lại rồi bấm “Lưu” để ghi lựa chọn của bạn.</p>
        """)
    }
    if !model.rowErrors.isEmpty || !model.otherErrors.isEmpty {
      let others = model.otherErrors.map { "<li>\($0)</li>" as HTML }
      out.append(
        """
        <p class="notice error" role="alert">Chưa lưu gì: \(model.rowErrors.count + model.otherErrors.count) dòng \
        chưa hợp lệ, lý do ghi ngay cạnh dòng đó. Kết quả được lưu cùng lúc cho cả chi bộ, hoặc không lưu gì.</p>
        \(others.isEmpty ? HTML.empty : "<ul class=\"error\">\(others)</ul>")
        """)
    }
    return "\(out)"
  }

  private static func table(_ model: CellGradingPageModel) -> HTML {
    let sheet = model.sheet
    guard !sheet.rows.isEmpty else {
      return "<p class=\"muted\">Chi bộ không có đảng viên nào thuộc diện đánh giá vào ngày đánh giá.</p>"
    }
    let rows = sheet.rows.enumerated().map { index, row in render(row, index: index, model) }
    return """
      <form method="post" action="\(Links.cellGrading(sheet.cellCode))">
      \(model.csrf)
      <input type="hidden" name="nam" value="\(sheet.year)">
      <input type="hidden" name="version" value="\(sheet.version)">
      <div class="table"><table class="grading">
      <thead><tr><th class="num">STT</th><th>Họ và tên</th><th>Số thẻ</th><th>Đảng viên</th><th>Xếp loại</th>\
      \(sheet.scored ? "<th>Phiếu điểm</th>" as HTML : .empty)<th>Nghỉ ốm (tháng)</th><th>Ghi chú</th></tr></thead>
      <tbody>
      \(rows)</tbody>
      </table></div>
      <p><button type="submit">Lưu kết quả xếp loại</button></p>
      </form>
      """
  }

  private static func render(_ row: CellGradeRow, index: Int, _ model: CellGradingPageModel) -> HTML {
    let id = row.member.memberID
    let typed = model.typed[id] ?? TypedGrade()
    let name: HTML = "<a href=\"\(Links.member(id))\">\(row.member.fullName)</a>"
    var notes: [HTML] = []
    let inputs: HTML
    let scoreCell: HTML
    let sickCell: HTML
    if let saved = row.saved, saved.state != .draft {
      inputs = "\(saved.outcome.nameVi(for: .member))"
      notes.append(
        saved.state == .approved
          ? "<span class=\"muted\">Đã được cấp trên duyệt: muốn sửa, cấp trên phải mở lại.</span>"
          : "<span class=\"muted\">Đã trình cấp trên: muốn sửa, cấp trên phải trả lại.</span>")
      scoreCell = sheetScored(model) ? "<td>\(TypedScoreSheet.summary(saved.sheet, score: saved.score))</td>" : .empty
      sickCell = "<td>\(saved.sickLeaveMonths)</td>"
    } else if let problem = row.problem {
      inputs = "<span class=\"muted\">—</span>"
      notes.append("<span class=\"error\">\(problem)</span>")
      scoreCell = sheetScored(model) ? "<td></td>" : .empty
      sickCell = "<td></td>"
    } else if let automatic = row.automatic {
      // The rules decide this row whatever is proposed; it is saved as what they decide.
      inputs = """
        \(automatic.nameVi(for: .member))<input type="hidden" name="grade-\(id)" value="\(automatic.code)">
        """
      if let why = row.automaticReason { notes.append("<span class=\"muted\">\(why)</span>") }
      scoreCell = sheetScored(model) ? "<td></td>" : .empty
      sickCell = "<td></td>"
    } else {
      let options = Grade.allCases.map { grade -> HTML in
        let selected = typed.grade == grade.rawValue
        let disabled = !row.allowed.contains(grade) && !selected
        return
          "<option value=\"\(grade.rawValue)\"\(selected ? " selected" as HTML : .empty)\(disabled ? " disabled" as HTML : .empty)>\(grade.nameVi)</option>"
      }
      inputs = """
        <select name="grade-\(id)" aria-label="Xếp loại \(row.member.fullName)"><option value="">— chưa xếp loại —</option>\(options)</select>
        """
      if let limit = row.limitReason { notes.append("<span class=\"muted\">\(limit)</span>") }
      if sheetScored(model), let regulation = Regulation.withID(model.sheet.regulation) {
        let inputs = typed.sheet.inputs(
          regulation: regulation, subject: .member, label: row.member.fullName, name: { "\($0)-\(id)" })
        scoreCell = "<td>\(inputs)</td>"
      } else {
        scoreCell = .empty
      }
      sickCell = """
        <td><input name="sick-\(id)" value="\(typed.sickLeave)" inputmode="numeric" size="3" aria-label="Số tháng nghỉ ốm \(row.member.fullName)"></td>
        """
    }
    if let error = model.rowErrors[id] { notes.append("<span class=\"error\" role=\"alert\">\(error)</span>") }
    if model.stale, let newer = newerNote(row, typed: typed) { notes.append(newer) }
    return """
      <tr id="dv-\(id)"\(model.rowErrors[id] != nil ? " class=\"refused\"" as HTML : .empty)><td class="num">\(index + 1)</td><td>\(name)</td>\
      <td>\(row.member.partyCardNumber ?? "")</td><td>\(row.standing.nameVi)</td><td>\(inputs)</td>\(scoreCell)\(sickCell)\
      <td>\(notes.map { "\($0) " as HTML })</td></tr>

      """
  }

  private static func sheetScored(_ model: CellGradingPageModel) -> Bool { model.sheet.scored }

  /// After a stale save: the stored grade beside a row where it differs from what was typed.
  private static func newerNote(_ row: CellGradeRow, typed: TypedGrade) -> HTML? {
    let stored = TypedGrade(row.saved)
    guard stored.grade != typed.grade || stored.sheet != typed.sheet else { return nil }
    let text =
      row.saved.map { saved in
        saved.outcome.nameVi(for: .member)
          + (saved.score.map { _ in " (\(TypedScoreSheet.summary(saved.sheet, score: saved.score)))" } ?? "")
      }
      ?? "chưa xếp loại"
    return "<span class=\"newer\">Đang lưu: \(text)</span>"
  }

  private static func exempt(_ sheet: CellGradeSheet) -> HTML {
    guard !sheet.exempt.isEmpty else { return .empty }
    let names = sheet.exempt.map { "<li><a href=\"\(Links.member($0.memberID))\">\($0.fullName)</a></li>" as HTML }
    return """
      <h2>Không thuộc diện đánh giá</h2>
      <p class="muted">Đảng viên được miễn công tác và sinh hoạt đảng vào ngày đánh giá không xếp loại.</p>
      <ul>\(names)</ul>
      """
  }

  /// Under 366-QĐ/TW: how a row is scored, and what an excellent grade needs besides its points.
  private static let scoredNote: HTML = """
    <p class="muted">Phiếu điểm theo khung tiêu chí của Quy định 366-QĐ/TW: nhóm tiêu chí chung và nhóm kết quả \
    thực hiện nhiệm vụ, mỗi nhóm không quá mức tối đa; tổng điểm quyết định mức xếp loại (để trống mức xếp loại thì \
    lấy theo tổng điểm). Hoàn thành xuất sắc cần thêm: hoàn thành đúng hạn tất cả nhiệm vụ và từ 30% nhiệm vụ vượt \
    yêu cầu.</p>
    """

  static let style: HTML = """
    select{font:inherit;padding:.3rem .4rem;border:1px solid #bbb;border-radius:4px;max-width:16rem}
    table.grading input{width:4.5rem}
    table.grading input[type=checkbox]{width:auto}
    \(TypedScoreSheet.style)
    .error{color:#a50e0e}
    .notice.error{border-color:#e0a0a0;background:#fdeaea}
    tr.refused td{background:#fdeaea}
    .newer{color:#5a3d00;background:#fff8e1;padding:0 .3rem;border-radius:3px}
    """
}
