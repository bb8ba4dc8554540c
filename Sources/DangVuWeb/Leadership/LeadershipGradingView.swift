import DangVuCore
import DangVuStore

/// The leadership grading page: a row per cadre and per collective, a grade beside each, refusals beside the row.
enum LeadershipGradingView {
  static func render(_ model: LeadershipGradingModel) -> HTML {
    let title = "Xếp loại tổ chức, cán bộ, tập thể lãnh đạo năm \(model.year): \(model.unit.name)"
    return Layout.page(
      title: title,
      body: """
        <style>\(MemberFormView.style)\(TypedScoreSheet.style)</style>
        <nav class="crumbs"><a href="\(Links.unit(model.unit.code))">\(model.unit.name)</a></nav>
        <h1>\(title)</h1>
        <form class="date" method="get" action="\(Links.leadershipGrading(model.unit.code))">
        <label>Năm đánh giá <input type="number" name="nam" value="\(model.year)" min="1930" max="2200"></label>
        <button type="submit">Xem</button>
        </form>
        \(body(model))
        """)
  }

  private static func body(_ model: LeadershipGradingModel) -> HTML {
    guard let day = model.evaluationDate else {
      return "<p class=\"notice\">Chưa mở đợt đánh giá năm \(model.year) cho tổ chức này.</p>"
    }
    guard !model.rows.isEmpty else {
      return """
        <p class="muted">Ngày đánh giá \(day.vietnamese): chưa ghi chức vụ hay tập thể lãnh đạo nào của tổ chức này \
        vào ngày đó, và tổ chức không có tổ chức đảng trực thuộc. Ghi chức vụ ở trang tổ chức hoặc trang đảng viên.</p>
        """
    }
    var notice: HTML = .empty
    if model.justSaved { notice = "<p class=\"notice ok\" role=\"status\">Đã lưu kết quả xếp loại.</p>" }
    if let general = model.general { notice = "<p class=\"notice error\" role=\"alert\">\(general)</p>" }
    if !model.errors.isEmpty {
      notice =
        "<p class=\"notice\" role=\"alert\">Chưa lưu: có \(model.errors.count) dòng cần sửa, ghi ngay bên cạnh.</p>"
    }
    let rows = model.rows.map { row -> HTML in
      let error: HTML = model.errors[row.key].map { "<span class=\"error\" id=\"e-\(row.key)\">\($0)</span>" } ?? .empty
      let typed = model.typed[row.key] ?? ""
      let options = Grade.allCases.map { grade -> HTML in
        "<option value=\"\(grade.rawValue)\"\(typed == grade.rawValue ? " selected" as HTML : .empty)>\(grade.nameVi)</option>"
      }
      let saved: HTML =
        model.saved[row.key].map { grade in
          let because: HTML = grade.replacedBecause.map { " (\($0))" } ?? .empty
          let score = TypedScoreSheet.summary(grade.sheet, score: grade.score)
          return
            " <span class=\"muted\">Đã lưu: \(grade.outcome.nameVi(for: grade.subject.reasonSubject))\(because)\(score.isEmpty ? "" : ", \(score)")</span>"
        } ?? .empty
      var sheet: HTML = .empty
      if let regulation = model.regulation, !regulation.frameworks.isEmpty {
        sheet = (model.typedSheets[row.key] ?? TypedScoreSheet()).inputs(
          regulation: regulation, subject: row.subjectClass, label: row.label, name: { "\(row.key)-\($0)" })
      }
      return """
        <div class="field"><label for="f-\(row.key)">\(row.label) <span class="muted">— \(row.detail)</span></label>\
        <select id="f-\(row.key)" name="\(row.key)"><option value="">— chưa xếp loại —</option>\(options)</select>\
        \(sheet)\(error)\(saved)</div>

        """
    }
    let scored: HTML =
      model.regulation.map { !$0.frameworks.isEmpty } == true
      ? """
      <p class="muted">Theo Quy định \(model.regulation?.id ?? ""): mỗi dòng chấm điểm theo khung tiêu chí của đối \
      tượng (tổ chức và tập thể: khung tập thể; cán bộ: khung cán bộ lãnh đạo, quản lý hoặc cán bộ thuộc diện Trung \
      ương quản lý), nhóm tiêu chí chung và nhóm kết quả thực hiện nhiệm vụ; tổng điểm quyết định mức xếp loại (để \
      trống mức thì lấy theo tổng điểm). Hoàn thành xuất sắc cần thêm: đúng hạn tất cả nhiệm vụ, từ 30% nhiệm vụ vượt \
      yêu cầu; tổ chức, tập thể còn cần không có tổ chức trực thuộc và đảng viên bị kỷ luật trong năm.</p>
      """ : .empty
    return """
      \(notice)
      \(scored)
      <p class="muted">Ngày đánh giá \(day.vietnamese). Cán bộ là đảng viên giữ chức vụ của tổ chức vào ngày đó; \
      mỗi người được xếp loại cả với tư cách đảng viên ở chi bộ của mình. Các tổ chức đảng trực thuộc vào ngày đó \
      được tổ chức này xếp loại. Xếp loại xong, trình cấp trên ở trang \
      <a href="\(Links.gradingProgress(model.unit.code, year: model.year))">tiến độ xếp loại</a>.</p>
      <form class="record" method="post" action="\(Links.leadershipGrading(model.unit.code))">
      \(model.csrf)<input type="hidden" name="nam" value="\(model.year)">
      <fieldset><legend>Tổ chức trực thuộc, cán bộ và tập thể lãnh đạo</legend>
      \(rows)</fieldset>
      <p><button type="submit">Lưu xếp loại</button></p>
      </form>
      """
  }
}
