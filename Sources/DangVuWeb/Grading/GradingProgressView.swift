import DangVuCore
import DangVuStore

/// A unit's grading progress for a year and the workflow steps the signed-in person may take on it.
struct GradingProgressModel: Sendable {
  var unit: Organisation
  var year: Int
  var principal: Principal
  var csrf: HTML
  /// Nil when no evaluation cycle covers the unit that year.
  var progress: GradingProgress?
  /// The step just taken (the page after the redirect).
  var done: GradeWorkflowAction?
  /// A refused step: what was typed and why, beside the field.
  var refused: (fields: GradeWorkflowFields, errors: FieldProblems)?

  init(unit: Organisation, year: Int, principal: Principal, csrf: HTML) {
    self.unit = unit
    self.year = year
    self.principal = principal
    self.csrf = csrf
  }

  /// The steps offered on this unit: the unit submits its drafts; the level above decides on what was
  /// submitted or approved, never on its own unit.
  var offered: [GradeWorkflowAction] {
    guard let row = progress?.unit else { return [] }
    return GradeWorkflowAction.allCases.filter { action in
      guard principal.allows(.editGrades) else { return false }
      guard
        GradeWorkflow.refusal(
          action, unitCode: unit.code, scopeCode: principal.scopeCode, mayDecide: principal.allows(.approveGrades))
          == nil
      else { return false }
      return action.moves.from.contains { row.count($0) > 0 }
    }
  }
}

enum GradingProgressView {
  static func render(_ model: GradingProgressModel) -> HTML {
    let title = "Tiến độ xếp loại chất lượng năm \(model.year): \(model.unit.name)"
    return Layout.page(
      title: title,
      body: """
        <style>\(CellGradingPageView.style)\(style)</style>
        <nav class="crumbs"><a href="\(Links.home())">Cây tổ chức</a> › <a href="\(Links.unit(model.unit.code))">\(model.unit.name)</a></nav>
        <h1>\(title)</h1>
        <form class="date" method="get" action="\(Links.gradingProgress(model.unit.code))">
        <label>Năm đánh giá <input type="number" name="nam" value="\(model.year)" min="1930" max="2200"></label>
        <button type="submit">Xem</button>
        </form>
        \(model.progress.map { body($0, model) } ?? missing(model))
        """)
  }

  private static func missing(_ model: GradingProgressModel) -> HTML {
    """
    <p class="notice">Chưa mở đợt đánh giá, xếp loại năm \(model.year) cho \(model.unit.name) hoặc cấp trên. \
    Hãy chọn năm khác.</p>
    """
  }

  private static func body(_ progress: GradingProgress, _ model: GradingProgressModel) -> HTML {
    var notices: [HTML] = []
    if let done = model.done {
      notices.append(
        "<p class=\"notice\" role=\"status\">Đã \(done.nameVi) kết quả xếp loại của \(model.unit.name).</p>")
    }
    if let general = model.refused?.errors.general {
      notices.append("<p class=\"notice error\" role=\"alert\">Không có gì được ghi: \(general)</p>")
    } else if model.refused != nil {
      notices.append(
        "<p class=\"notice error\" role=\"alert\">Không có gì được ghi: lý do ghi ngay cạnh ô cần sửa.</p>")
    }
    let own = progress.unit
    return """
      \(notices)
      <dl class="facts">
      <dt>Ngày đánh giá</dt><dd>\(progress.evaluationDate.vietnamese)</dd>
      <dt>Trạng thái</dt><dd class="stage stage-\(own.stage.rawValue)" id="trang-thai">\(own.stage.nameVi)</dd>
      <dt>Kết quả</dt><dd>\(counts(own))</dd>
      \(lastStep(own))
      </dl>
      <p><a href="\(Links.cellGrading(model.unit.code, year: model.year))">Xếp loại đảng viên</a> · \
      <a href="\(Links.leadershipGrading(model.unit.code, year: model.year))">Xếp loại tổ chức trực thuộc, cán bộ, tập thể lãnh đạo</a> · \
      <a href="/to-chuc/\(model.unit.code)/dot-danh-gia">Đợt đánh giá theo quý, nhiệm kỳ, đột xuất (366-QĐ/TW)</a></p>
      \(forms(model))
      \(below(progress, model))
      """
  }

  private static func counts(_ row: GradingProgressRow) -> HTML {
    "\(row.count(.draft)) nháp · \(row.count(.submitted)) đã trình · \(row.count(.approved)) đã duyệt"
  }

  private static func lastStep(_ row: GradingProgressRow) -> HTML {
    guard let action = row.lastAction else { return .empty }
    let reason: HTML = row.lastReason.map { " — lý do: \($0)" } ?? .empty
    return "<dt>Bước gần nhất</dt><dd>\(action.nameVi) (\(row.lastActor ?? ""))\(reason)</dd>"
  }

  private static func forms(_ model: GradingProgressModel) -> HTML {
    let offered = model.offered
    // A refused step keeps its form on the page even if the counts no longer offer it.
    let attempted = model.refused?.fields.step.flatMap(GradeWorkflowAction.init(rawValue:))
    var actions = offered
    if let attempted, !actions.contains(attempted) { actions.append(attempted) }
    if model.refused != nil && attempted == nil { actions.append(.submit) }
    guard !actions.isEmpty else { return .empty }
    let forms = actions.map { form($0, model, refused: attempted == $0 || (attempted == nil && model.refused != nil)) }
    return "<h2>Các bước</h2>\n<div class=\"steps\">\(forms)</div>"
  }

  private static func form(_ action: GradeWorkflowAction, _ model: GradingProgressModel, refused: Bool) -> HTML {
    let errors = refused ? model.refused?.errors ?? FieldProblems() : FieldProblems()
    let typed = refused ? model.refused?.fields.reason ?? "" : ""
    let id = "reason-\(action.rawValue)"
    let reason: HTML
    if action.needsReason || errors["reason"] != nil {
      let invalid: HTML = errors["reason"] != nil ? " aria-invalid=\"true\" aria-describedby=\"e-\(id)\"" : .empty
      reason = """
        <div class="field"><label for="\(id)">Lý do \(action.nameVi)</label>\
        <textarea id="\(id)" name="reason" rows="2"\(invalid)>\(typed)</textarea>\
        \(errors["reason"].map { HTML("<span class=\"error\" id=\"e-\(id)\" role=\"alert\">\($0)</span>") } ?? .empty)</div>
        """
    } else {
      reason = .empty
    }
    let actionError: HTML =
      errors["step"].map { HTML("<span class=\"error\" role=\"alert\">\($0)</span>") } ?? .empty
    return """
      <form method="post" action="\(Links.gradingProgress(model.unit.code))" class="step step-\(action.rawValue)">
      \(model.csrf)<input type="hidden" name="nam" value="\(model.year)">\
      <input type="hidden" name="step" value="\(action.rawValue)">
      \(reason)\(actionError)
      <button type="submit">\(label(action))</button>
      </form>
      """
  }

  private static func label(_ action: GradeWorkflowAction) -> HTML {
    switch action {
    case .submit: "Trình cấp trên"
    case .approve: "Duyệt kết quả"
    case .sendBack: "Trả lại để sửa"
    case .reopen: "Mở lại kết quả đã duyệt"
    }
  }

  private static func below(_ progress: GradingProgress, _ model: GradingProgressModel) -> HTML {
    guard !progress.below.isEmpty else { return .empty }
    let rows = progress.below.map { row -> HTML in
      let reason: HTML = row.lastReason.map { "<span class=\"muted\">\($0)</span>" } ?? .empty
      return """
        <tr id="dv-\(row.code)"><td><a href="\(Links.gradingProgress(row.code, year: model.year))">\(row.name)</a></td>\
        <td class="stage stage-\(row.stage.rawValue)">\(row.stage.nameVi)</td><td class="num">\(row.count(.draft))</td>\
        <td class="num">\(row.count(.submitted))</td><td class="num">\(row.count(.approved))</td><td>\(reason)</td></tr>

        """
    }
    let submitted = progress.below.filter { $0.stage == .submitted }.count
    return """
      <h2>Các tổ chức trực thuộc</h2>
      <p class="muted">\(submitted) tổ chức đã trình, chờ duyệt. Chọn tổ chức để xem và duyệt.</p>
      <div class="table"><table class="progress">
      <thead><tr><th>Tổ chức</th><th>Trạng thái</th><th class="num">Nháp</th><th class="num">Đã trình</th>\
      <th class="num">Đã duyệt</th><th>Lý do trả lại / mở lại</th></tr></thead>
      <tbody>
      \(rows)</tbody>
      </table></div>
      """
  }

  static let style: HTML = """
    .steps{display:flex;flex-wrap:wrap;gap:1rem}
    form.step{border:1px solid #ddd;border-radius:6px;padding:.6rem;max-width:100%;box-sizing:border-box}
    form.step textarea{font:inherit;width:100%;max-width:22rem;box-sizing:border-box}
    .stage-approved{color:#0b6b2b}
    .stage-sentBack{color:#a50e0e}
    .stage-submitted{color:#5a3d00}
    """
}
