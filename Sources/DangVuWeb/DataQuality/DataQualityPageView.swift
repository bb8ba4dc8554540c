import DangVuCore
import DangVuStore

/// The completeness page: the unit's own figures, then its units below worst first, each linking to its own page.
enum DataQualityPageView {
  static func render(_ model: RegisterCompletenessReport) -> HTML {
    let fields = RegisterCompleteness.Field.allCases
    let head: [HTML] = fields.map { "<th class=\"num\">\($0.nameVi)</th>" }
    func cells(_ counts: RegisterCompleteness) -> [HTML] {
      fields.map { field in
        guard let share = counts.share(field) else { return "<td class=\"num\">—</td>" }
        return "<td class=\"num\">\(VietnameseNumber.percent(share))%</td>"
      }
    }
    let rows: [HTML] = model.below.map { line in
      """
      <tr><td><a href="\(link(line.code))">\(line.name)</a></td>\
      <td class="num">\(VietnameseNumber.count(line.counts.members))</td>\(cells(line.counts))</tr>
      """
    }
    let downloads: [HTML] = [ReportFormat.csv, .xlsx].map { format in
      "<li><a href=\"\(link(model.unit.code, format: format.rawValue))\">\(format.labelVi)</a></li>"
    }
    let table: HTML =
      model.below.isEmpty
      ? .empty
      : """
      <h2>Các đơn vị trực thuộc (thiếu nhiều nhất trước)</h2>
      <div class="table"><table id="don-vi"><thead><tr><th>Đơn vị</th><th class="num">Đảng viên</th>\(head)</tr>\
      </thead><tbody>\(rows)</tbody></table></div>
      """
    return Layout.page(
      title: "Chất lượng dữ liệu",
      body: """
        <h1>Chất lượng dữ liệu đảng viên: \(model.unit.name)</h1>
        <p class="muted">Tỷ lệ đảng viên trong danh sách ngày \(model.day.vietnamese) có từng thông tin \
        (số liệu tính lúc \(model.counted.vietnamese); thay đổi mới được tính lại sau ít giây).</p>
        <div class="table"><table id="tong"><thead><tr><th>Đơn vị</th><th class="num">Đảng viên</th>\(head)</tr></thead>
        <tbody><tr><td>\(model.unit.name)</td><td class="num">\(VietnameseNumber.count(model.unit.counts.members))</td>\
        \(cells(model.unit.counts))</tr></tbody></table></div>
        \(table)
        <ul class="downloads">\(downloads)</ul>
        """)
  }

  static func link(_ code: String, format: String? = nil) -> String {
    "/chat-luong-du-lieu?to-chuc=\(code)" + (format.map { "&dinh-dang=\($0)" } ?? "")
  }
}
