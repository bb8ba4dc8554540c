import DangVuCore

enum UnitPageView {
  static func render(_ model: UnitPageModel) -> HTML {
    let unit = model.unit
    return Layout.page(
      title: unit.name, day: model.linkDay,
      body: """
        \(crumbs(model))
        <h1>\(unit.name)</h1>
        \(Layout.dateForm(action: Links.unit(unit.code), day: model.day))
        \(model.existsOnDay ? HTML.empty : absent(model))
        \(facts(model))
        \(actions(model))
        \(searchWithin(model))
        \(model.holdsMembers && model.children.isEmpty ? HTML.empty : children(model))
        \(history(model))
        \(UnitLeadershipView.render(model))
        \(register(model))
        """)
  }

  private static func crumbs(_ model: UnitPageModel) -> HTML {
    let links = model.ancestry.map { ref -> HTML in
      " › <a href=\"\(Links.unit(ref.code, day: model.linkDay))\">\(ref.name)</a>"
    }
    return "<nav class=\"crumbs\"><a href=\"\(Links.home(day: model.linkDay))\">Cây tổ chức</a>\(links)</nav>"
  }

  private static func absent(_ model: UnitPageModel) -> HTML {
    "<p class=\"notice\">Tổ chức này không tồn tại vào ngày \(model.day.vietnamese) (\(lifetime(model.unit))).</p>"
  }

  private static func lifetime(_ unit: Organisation) -> String {
    "thành lập \(unit.founded.vietnamese)" + (unit.ended.map { ", kết thúc \($0.vietnamese)" } ?? "")
  }

  private static func facts(_ model: UnitPageModel) -> HTML {
    let ended: HTML = model.unit.ended.map { "<dt>Ngày kết thúc</dt><dd>\($0.vietnamese)</dd>" } ?? .empty
    return """
      <dl class="facts">
      <dt>Mã</dt><dd>\(model.unit.code)</dd>
      <dt>Loại hình</dt><dd>\(model.kindName)</dd>
      <dt>Ngày thành lập</dt><dd>\(model.unit.founded.vietnamese)</dd>
      \(ended)
      <dt>Đảng viên ngày \(model.day.vietnamese)</dt><dd class="count">\(VietnameseNumber.count(model.members))</dd>
      </dl>
      """
  }

  /// What the person may do here, by their role: the routes check again.
  private static func actions(_ model: UnitPageModel) -> HTML {
    var links: [HTML] = []
    if model.actions.addMembers && model.holdsMembers && model.existsOnDay {
      links.append("<a href=\"\(Links.newMember(inCell: model.unit.code))\">Thêm đảng viên</a>")
    }
    if model.actions.admit && model.holdsMembers && model.existsToday {
      links.append("<a href=\"\(Links.admission(inCell: model.unit.code))\">Kết nạp đảng viên</a>")
      links.append("<a href=\"\(Links.arrival(inCell: model.unit.code))\">Tiếp nhận đảng viên từ tỉnh khác</a>")
    }
    if model.actions.grade {
      links.append("<a href=\"\(Links.cellGrading(model.unit.code))\">Xếp loại chất lượng đảng viên</a>")
      links.append(
        "<a href=\"\(Links.leadershipGrading(model.unit.code))\">Xếp loại tổ chức, cán bộ, tập thể lãnh đạo</a>")
      links.append("<a href=\"\(Links.gradingProgress(model.unit.code))\">Tiến độ xếp loại, trình và duyệt</a>")
    }
    if model.actions.editTree {
      links.append(
        "<a href=\"\(Links.treeChanges(model.unit.code))\">Thay đổi tổ chức (thành lập, đổi tên, chuyển, sáp nhập, giải thể)</a>"
      )
    }
    if model.actions.oversight {
      links.append("<a href=\"\(Links.oversight(unit: model.unit.code))\">Kiểm tra, giám sát, kỷ luật</a>")
    }
    guard !links.isEmpty else { return .empty }
    return "<p class=\"actions\">\(links.enumerated().map { $0.offset == 0 ? $0.element : " · " + $0.element })</p>"
  }

  private static func searchWithin(_ model: UnitPageModel) -> HTML {
    """
    <form class="search" method="get" action="/tim-kiem">
    <input type="hidden" name="trong" value="\(model.unit.code)">
    <input type="search" name="q" placeholder="Tìm đảng viên trong tổ chức này" aria-label="Tìm đảng viên trong tổ chức này">
    <button type="submit">Tìm</button>
    </form>
    """
  }

  private static func children(_ model: UnitPageModel) -> HTML {
    guard !model.children.isEmpty else {
      return
        "<h2>Tổ chức trực thuộc</h2>\n<p class=\"muted\">Không có tổ chức trực thuộc vào ngày \(model.day.vietnamese).</p>"
    }
    let items = model.children.map { "<li>\($0.render(day: model.linkDay))</li>\n" as HTML }
    return """
      <h2>Tổ chức trực thuộc (\(model.children.count))</h2>
      <ul class="tree">
      \(items)</ul>
      """
  }

  private static func history(_ model: UnitPageModel) -> HTML {
    let rows = model.parentHistory.map { period -> HTML in
      let parent: HTML =
        period.parent.map { "<a href=\"\(Links.unit($0.code, day: period.from))\">\($0.name)</a> (\($0.code))" }
        ?? "cấp cao nhất (không trực thuộc tổ chức nào)"
      return
        "<tr><td>\(period.from.vietnamese)</td><td>\(period.until?.vietnamese ?? "nay")</td><td>\(parent)</td></tr>\n"
    }
    let names = model.names.map { period -> HTML in
      "<tr><td>\(period.from.vietnamese)</td><td>\(period.until?.vietnamese ?? "nay")</td><td>\(period.name)</td></tr>\n"
    }
    let end: HTML =
      model.unit.ended.map {
        "<p class=\"notice\">Chấm dứt hoạt động (giải thể hoặc sáp nhập) từ ngày \($0.vietnamese).</p>"
      } ?? .empty
    return """
      <h2>Lịch sử trực thuộc</h2>
      <div class="table"><table>
      <thead><tr><th>Từ ngày</th><th>Đến trước ngày</th><th>Trực thuộc</th></tr></thead>
      <tbody>
      \(rows)</tbody>
      </table></div>
      <h2>Lịch sử tên gọi</h2>
      <div class="table"><table>
      <thead><tr><th>Từ ngày</th><th>Đến trước ngày</th><th>Tên</th></tr></thead>
      <tbody>
      \(names)</tbody>
      </table></div>
      \(end)
      """
  }

  private static func register(_ model: UnitPageModel) -> HTML {
    let heading: HTML = "<h2>Danh sách đảng viên ngày \(model.day.vietnamese)</h2>"
    switch model.register {
    case .tooLarge(let count):
      if !model.existsOnDay { return heading + "<p class=\"muted\">Không có: tổ chức không tồn tại vào ngày này.</p>" }
      return heading
        + """
        <p class="muted">\(VietnameseNumber.count(count)) đảng viên — quá nhiều để liệt kê trên một trang; \
        danh sách đầy đủ có ở trang của từng chi bộ.</p>
        """
    case .shown(let lines) where lines.isEmpty:
      return heading + "<p class=\"muted\">Không có đảng viên nào vào ngày này.</p>"
    case .shown(let lines):
      let showCell = !model.holdsMembers
      let rows = lines.enumerated().map { index, line -> HTML in
        let member = line.entry.member
        let cell: HTML =
          showCell
          ? "<td>\(line.cell.map { "<a href=\"\(Links.unit($0.code, day: model.linkDay))\">\($0.name)</a>" as HTML } ?? .empty)</td>"
          : .empty
        let note = [
          line.entry.exempt ? "miễn công tác và sinh hoạt đảng" : nil,
          line.entry.inTransit ? "đang chuyển sinh hoạt đảng" : nil,
        ].compactMap { $0 }.joined(separator: "; ")
        return """
          <tr><td class="num">\(index + 1)</td><td><a href="\(Links.member(member.id))">\(member.fullName)</a></td><td>\(member.gender.nameVi)</td>\
          <td>\(member.birthDate.vietnamese)</td><td>\(member.partyCardNumber ?? "")</td>\
          <td>\(line.entry.standing.nameVi)</td>\(cell)<td>\(note)</td></tr>

          """
      }
      return heading
        + """
        <div class="table"><table>
        <thead><tr><th class="num">STT</th><th>Họ và tên</th><th>Giới tính</th><th>Ngày sinh</th><th>Số thẻ đảng</th>\
        <th>Đảng viên</th>\(showCell ? "<th>Chi bộ</th>" as HTML : .empty)<th>Ghi chú</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table></div>
        """
    }
  }
}
