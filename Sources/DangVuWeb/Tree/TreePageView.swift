import DangVuCore

enum TreePageView {
  static func render(_ model: TreePageModel) -> HTML {
    Layout.page(
      title: "Cây tổ chức đảng", day: model.linkDay,
      body: """
        <h1>Cây tổ chức đảng ngày \(model.day.vietnamese)</h1>
        \(Layout.dateForm(action: "/", day: model.day))
        \(summary(model))
        \(model.branches.isEmpty ? empty(model.day) : tree(model))
        """)
  }

  private static func summary(_ model: TreePageModel) -> HTML {
    """
    <p class="muted">\(VietnameseNumber.count(model.totalUnits)) tổ chức đảng, \
    \(VietnameseNumber.count(model.totalMembers)) đảng viên. Chọn một tổ chức để xem các cấp dưới và danh sách đảng viên.</p>
    """
  }

  private static func empty(_ day: Day) -> HTML {
    """
    <p class="notice">Chưa có tổ chức đảng nào vào ngày \(day.vietnamese). \
    Hãy nhập dữ liệu bằng lệnh <code>dangvu import organisations</code> hoặc chạy <code>dangvu serve --demo</code>.</p>
    """
  }

  private static func tree(_ model: TreePageModel) -> HTML {
    let branches = model.branches.map { branch -> HTML in
      let children = branch.children.map { child -> HTML in
        let more: HTML = child.hasChildren ? " <span class=\"muted\" title=\"có cấp dưới\">›</span>" : .empty
        return "<li>\(child.render(day: model.linkDay))\(more)</li>\n"
      }
      return """
        <li>\(branch.root.render(day: model.linkDay))
        \(children.isEmpty ? HTML.empty : "<ul>\n\(children)</ul>")
        </li>
        """
    }
    return "<ul class=\"tree\">\n\(branches)</ul>"
  }
}
