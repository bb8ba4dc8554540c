import DangVuCore
import DangVuStore

/// The page of cycles beyond the year (366-QĐ/TW): open one, score one subject per criterion group.
enum CyclePageView {
  static func render(
    unit: Organisation, access: Access, csrf: HTML, message: HTML?, typed: CyclePagesController.Fields? = nil
  ) -> HTML {
    let title = "Đợt đánh giá theo quý, nhiệm kỳ, đột xuất — \(unit.name)"
    let kind = typed?.dot ?? CycleKind.quarter.rawValue
    let kinds: [HTML] = [CycleKind.quarter, .term, .adHoc].map {
      "<option value=\"\($0.rawValue)\"\($0.rawValue == kind ? HTML(" selected") : .empty)>\($0.nameVi)</option>"
    }
    let frameworks: [HTML] = SubjectGroup.allCases.map {
      "<option value=\"\($0.rawValue)\"\($0.rawValue == typed?.framework ? HTML(" selected") : .empty)>\($0.nameVi)</option>"
    }
    let cycleFields: HTML = """
      <label>Loại đợt <select name="dot">\(kinds)</select></label>
      <label>Kỳ <input type="text" name="ky" required value="\(typed?.ky ?? "")" placeholder="2026-Q1, 2020-2025, 2026-03-01..2026-04-15"></label>
      """
    let open: HTML =
      access.principal.allows(.approveGrades)
      ? """
      <h2>Mở đợt đánh giá</h2>
      <p class="muted">Chỉ Quy định 366-QĐ/TW (từ 30/08/2025) cho phép đánh giá theo nhiệm kỳ, theo quý và đột xuất; \
      đợt hằng năm mở theo năm như trước.</p>
      <form method="post">\(csrf)<input type="hidden" name="action" value="open">
      \(cycleFields)
      <label>Ngày đánh giá <input type="date" name="ngay" required value="\(typed?.ngay ?? "")"></label>
      <button type="submit">Mở đợt</button></form>
      """ : .empty
    return Layout.page(
      title: title,
      body: """
        <h1>\(title)</h1>
        \(message ?? .empty)
        \(open)
        <h2>Chấm điểm theo nhóm tiêu chí</h2>
        <p class="muted">Mỗi khung: nhóm tiêu chí chung tối đa 30 điểm, nhóm kết quả thực hiện nhiệm vụ tối đa 70 điểm. \
        Hoàn thành xuất sắc (từ 90 điểm) cần hoàn thành đúng hạn tất cả nhiệm vụ và từ 30% nhiệm vụ vượt yêu cầu; \
        tập thể còn cần không có tổ chức trực thuộc và đảng viên bị kỷ luật trong kỳ.</p>
        <form method="post">\(csrf)<input type="hidden" name="action" value="score">
        \(cycleFields)
        <label>Số thẻ đảng viên <input type="text" name="card" value="\(typed?.card ?? "")"></label>
        <label>hoặc mã tổ chức <input type="text" name="unit" value="\(typed?.unit ?? "")"></label>
        <label>Khung tiêu chí <select name="framework">\(frameworks)</select></label>
        <label>Tiêu chí chung (0–30) <input type="number" name="general" min="0" max="30" value="\(typed?.general ?? "")"></label>
        <label>Kết quả thực hiện nhiệm vụ (0–70) <input type="number" name="tasks" min="0" max="70" value="\(typed?.tasks ?? "")"></label>
        <label><input type="checkbox" name="onTime"\(typed?.onTime == "on" ? HTML(" checked") : .empty)> Hoàn thành đúng hạn tất cả nhiệm vụ</label>
        <label>Tỷ lệ nhiệm vụ vượt yêu cầu (%) <input type="number" name="beyond" min="0" max="100" value="\(typed?.beyond ?? "")"></label>
        <button type="submit">Chấm điểm</button></form>
        <p><a href="\(Links.gradingProgress(unit.code))">Tiến độ xếp loại hằng năm</a></p>
        """)
  }
}
