import DangVuCore
import DangVuStore

/// The leadership part of a unit's page: the posts held in it on the page's day (and how many before) and its
/// collectives with their members, with the links to record them for the organisation staff.
enum UnitLeadershipView {
  static func render(_ model: UnitPageModel) -> HTML {
    let canRecord = model.actions.recordPosts && model.existsToday
    guard canRecord || !model.posts.isEmpty || !model.collectives.isEmpty else { return .empty }
    return """
      <h2>Chức vụ lãnh đạo ngày \(model.day.vietnamese)</h2>
      \(posts(model))
      \(canRecord ? "<p class=\"actions\"><a href=\"\(Links.newPost(unit: model.unit.code))\">Ghi chức vụ</a></p>" as HTML : .empty)
      <h2>Tập thể lãnh đạo, quản lý</h2>
      \(collectives(model, canRecord: canRecord))
      \(canRecord ? "<p class=\"actions\"><a href=\"\(Links.newCollective(unit: model.unit.code))\">Ghi tập thể lãnh đạo</a></p>" as HTML : .empty)
      """
  }

  private static func posts(_ model: UnitPageModel) -> HTML {
    let held = model.posts.filter { $0.post.holds(on: model.day) }
    guard !held.isEmpty else { return "<p class=\"muted\">Chưa ghi chức vụ nào giữ vào ngày này.</p>" }
    let rows = held.map { record -> HTML in
      """
      <tr><td>\(record.title)</td><td><a href="\(Links.member(record.post.memberID))">\(record.memberName)</a></td>\
      <td>\(record.post.from.vietnamese)</td></tr>

      """
    }
    return """
      <div class="table"><table>
      <thead><tr><th>Chức vụ</th><th>Đảng viên</th><th>Từ ngày</th></tr></thead>
      <tbody>
      \(rows)</tbody>
      </table></div>
      """
  }

  private static func collectives(_ model: UnitPageModel, canRecord: Bool) -> HTML {
    guard !model.collectives.isEmpty else { return "<p class=\"muted\">Chưa ghi tập thể lãnh đạo nào.</p>" }
    let items = model.collectives.map { record -> HTML in
      let collective = record.collective
      let kind = CollectiveKind.named(collective.kindCode)?.nameVi ?? collective.kindCode
      let seats = record.seats.map { seat -> HTML in
        let until: HTML = seat.seat.until.map { ", thôi từ \($0.vietnamese)" } ?? .empty
        return """
          <li><a href="\(Links.member(seat.seat.memberID))">\(seat.memberName)</a> \
          <span class="muted">(từ \(seat.seat.from.vietnamese)\(until))</span></li>
          """
      }
      let add: HTML =
        canRecord
        ? "<a href=\"\(Links.newSeat(unit: record.unitCode, collective: collective.id))\">Ghi thành viên</a>" : .empty
      let term: HTML = collective.ended.map { " đến trước \($0.vietnamese)" } ?? .empty
      return """
        <li><strong>\(collective.name)</strong> — \(kind), từ \(collective.formed.vietnamese)\(term) \(add)
        <ul>\(seats)</ul></li>

        """
    }
    return "<ul class=\"collectives\">\n\(items)</ul>"
  }
}
