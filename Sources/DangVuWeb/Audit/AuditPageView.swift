import DangVuCore

/// The audit trail page: the chain's state, the filters, the entries newest first, paging.
enum AuditPageView {
  static func render(_ model: AuditPageModel) -> HTML {
    Layout.page(
      title: "Nhật ký thao tác",
      body: """
        <style>\(style)</style>
        <h1>Nhật ký thao tác</h1>
        \(status(model.verification))
        \(form(model.query))
        \(entries(model))
        """)
  }

  private static let style: HTML = """
    .audit-ok{background:#e8f5e9;border-color:#a5d6a7}
    .audit-broken{background:#ffebee;border-color:#ef9a9a}
    form.audit{margin:.8rem 0;gap:.5rem 1rem}
    form.audit label{display:flex;flex-direction:column;font-size:.9rem}
    table.audit pre{white-space:pre-wrap;word-break:break-all;margin:.2rem 0;font-size:.85rem}
    table.audit code{word-break:break-all}
    nav.pages{display:flex;gap:1rem;margin:.8rem 0}
    """

  static func status(_ v: AuditVerification) -> HTML {
    if let broken = v.broken {
      return """
        <p class="notice audit-broken" role="alert"><strong>Chuỗi băm bị phá vỡ tại mục #\(broken.sequence).</strong> \
        \(broken.messageVi) \(VietnameseNumber.count(v.entriesChecked)) mục đầu tiên vẫn khớp; \
        hãy đối chiếu với bản sao lưu gần nhất.</p>
        """
    }
    guard let last = v.lastSequence else {
      return "<p class=\"notice audit-ok\" role=\"status\">Nhật ký chưa có mục nào.</p>"
    }
    return """
      <p class="notice audit-ok" role="status">Chuỗi băm toàn vẹn: đã kiểm tra \
      \(VietnameseNumber.count(v.entriesChecked)) mục. Mục cuối #\(last), mã băm <code>\(v.lastHash)</code>.</p>
      """
  }

  private static func form(_ query: AuditQuery) -> HTML {
    """
    <form class="audit" method="get" action="/nhat-ky">
    <label>Người thực hiện <input name="nguoi" value="\(query.actor)" placeholder="tên đăng nhập"></label>
    <label>Thao tác \(actionSelect(query.action))</label>
    <label>Đối tượng <input name="doi-tuong" value="\(query.subject)" placeholder="member:123"></label>
    <label>Từ ngày <input type="date" name="tu" value="\(query.from?.iso ?? "")"></label>
    <label>Đến ngày <input type="date" name="den" value="\(query.to?.iso ?? "")"></label>
    <button type="submit">Lọc</button>
    \(query.isFiltered ? "<a href=\"\(Links.audit())\">Bỏ lọc</a>" as HTML : .empty)
    </form>
    """
  }

  private static func actionSelect(_ selected: String) -> HTML {
    func option(_ code: String, _ name: String) -> HTML {
      "<option value=\"\(code)\"\(code == selected ? " selected" : "")>\(name)</option>"
    }
    let known = Set(AuditAction.families.map(\.code) + AuditAction.known.map(\.code))
    // An action typed into the address stays selected, so the form does not silently drop it.
    let other: HTML = selected.isEmpty || known.contains(selected) ? .empty : option(selected, selected)
    return """
      <select name="thao-tac">\(option("", "Tất cả"))\(other)\
      <optgroup label="Nhóm thao tác">\(AuditAction.families.map { option($0.code, $0.nameVi + " (tất cả)") })</optgroup>\
      <optgroup label="Thao tác">\(AuditAction.known.map { option($0.code, $0.nameVi) })</optgroup></select>
      """
  }

  private static func entries(_ model: AuditPageModel) -> HTML {
    guard !model.entries.isEmpty else {
      let why = model.query.isFiltered || model.query.before != nil ? "khớp điều kiện lọc" : "thuộc phạm vi của bạn"
      return "<p class=\"notice\">Không có mục nhật ký nào \(why).</p>\(pages(model))"
    }
    return """
      <p class="muted">\(model.entries.count) mục, mới nhất trước, của các tổ chức thuộc \
      <a href="\(Links.unit(model.scopeCode))">\(model.scopeCode)</a>.</p>
      <div class="table"><table class="audit">
      <thead><tr><th class="num">Số</th><th>Thời gian</th><th>Người thực hiện</th><th>Thao tác</th>\
      <th>Đối tượng</th><th>Tổ chức</th><th>Trước / sau</th></tr></thead>
      <tbody>
      \(model.entries.map(row))</tbody>
      </table></div>
      \(pages(model))
      """
  }

  private static func row(_ e: AuditEntry) -> HTML {
    """
    <tr id="muc-\(e.sequence)"><td class="num">\(e.sequence)</td>\
    <td><time datetime="\(e.time.iso)">\(e.time.vietnamese)</time></td>\
    <td>\(e.actorLogin)<br><span class="kind">\(e.actorRoleVi)</span></td>\
    <td>\(AuditAction.nameVi(of: e.action))<br><span class="kind">\(e.action)</span></td>\
    <td>\(e.subject)</td><td><a href="\(Links.unit(e.scopeCode))">\(e.scopeCode)</a></td>\
    <td>\(change(e))</td></tr>

    """
  }

  /// Before and after as the text they were recorded as, folded away: they can be long.
  private static func change(_ e: AuditEntry) -> HTML {
    guard e.before != nil || e.after != nil else { return "<span class=\"muted\">—</span>" }
    let summary = e.before == nil ? "Sau" : e.after == nil ? "Trước" : "Trước và sau"
    let before: HTML = e.before.map { "<p class=\"kind\">Trước</p><pre>\($0)</pre>" } ?? .empty
    let after: HTML = e.after.map { "<p class=\"kind\">Sau</p><pre>\($0)</pre>" } ?? .empty
    return "<details><summary>\(summary)</summary>\(before)\(after)</details>"
  }

  private static func pages(_ model: AuditPageModel) -> HTML {
    let newest: HTML =
      model.query.before != nil ? "<a href=\"\(Links.audit(model.query))\">« Mới nhất</a>" : .empty
    let older: HTML =
      model.olderFrom.map { "<a href=\"\(Links.audit(model.query, before: $0))\">Cũ hơn »</a>" } ?? .empty
    guard model.query.before != nil || model.olderFrom != nil else { return .empty }
    return "<nav class=\"pages\">\(newest)\(older)</nav>"
  }
}
