import DangVuCore

enum SearchPageView {
  static func render(_ model: SearchPageModel) -> HTML {
    Layout.page(
      title: model.query.isEmpty ? "Tìm đảng viên" : "Tìm “\(model.query)”", query: model.query,
      body: """
        <h1>Tìm đảng viên</h1>
        \(form(model))
        \(model.query.isEmpty ? hint : results(model))
        """)
  }

  private static func form(_ model: SearchPageModel) -> HTML {
    let scope: HTML =
      model.within.map {
        """
        <input type="hidden" name="trong" value="\($0.code)">\
        <span class="muted">trong <a href="\(Links.unit($0.code))">\($0.name)</a> · \
        <a href="\(Links.search(model.query))">tìm trong toàn bộ</a></span>
        """
      } ?? .empty
    return """
      <form class="search" method="get" action="/tim-kiem">
      <input type="search" name="q" value="\(model.query)" placeholder="Họ và tên, có dấu hoặc không dấu" \
      aria-label="Họ và tên">
      <button type="submit">Tìm</button>
      \(scope)
      </form>
      """
  }

  private static let hint: HTML = """
    <p class="muted">Nhập họ tên, có dấu hoặc không dấu: “nguyen van” tìm thấy “Nguyễn Văn …”, “dang” tìm thấy “Đặng …”.</p>
    """

  private static func results(_ model: SearchPageModel) -> HTML {
    guard !model.hits.isEmpty else {
      return "<p class=\"notice\">Không tìm thấy đảng viên nào đang sinh hoạt có tên “\(model.query)”.</p>"
    }
    let more: HTML =
      model.hits.count >= SearchPageModel.limit
      ? "<p class=\"muted\">Chỉ hiện \(SearchPageModel.limit) kết quả đầu; hãy gõ thêm để thu hẹp.</p>" : .empty
    let rows = model.hits.map { hit -> HTML in
      let cell: HTML =
        hit.cellCode.map { "<a href=\"\(Links.unit($0))\">\(hit.cellName ?? $0)</a>" }
        ?? "<span class=\"muted\">đã ra khỏi danh sách</span>"
      return """
        <tr><td><a href="\(Links.member(hit.id))">\(hit.fullName)</a></td><td>\(hit.birthDate.vietnamese)</td><td>\(hit.partyCardNumber ?? "")</td>\
        <td>\(cell)</td></tr>

        """
    }
    return """
      <p class="muted">\(model.hits.count) kết quả.</p>
      <div class="table"><table>
      <thead><tr><th>Họ và tên</th><th>Ngày sinh</th><th>Số thẻ đảng</th><th>Chi bộ</th></tr></thead>
      <tbody>
      \(rows)</tbody>
      </table></div>
      \(more)
      """
  }
}
