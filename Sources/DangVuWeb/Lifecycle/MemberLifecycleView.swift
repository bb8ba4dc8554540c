import DangVuCore
import DangVuStore

/// The lifecycle parts of a member's page: the acts the person may record, the letter of a transfer under
/// way with its deadline, and the history of changes (corrected events, each with its reason).
enum MemberLifecycleView {
  static func acts(_ model: MemberPageModel) -> HTML {
    guard model.canRecord else { return .empty }
    let offered = LifecycleAct.allCases.filter { $0.offered(for: model.timeline, on: model.today) }
    let links = offered.map { "<li><a href=\"\(Links.lifecycle(model.member.id, $0))\">\($0.title)</a></li>\n" as HTML }
    let fixes = model.recorded.filter { $0.event.kind != .expelled }.map { recorded -> HTML in
      let event = recorded.event
      return """
        <li><a href="\(Links.correctEvent(model.member.id, recorded.id))">\(event.date.vietnamese) \
        \(event.kind.nameVi)</a></li>

        """
    }
    let list: HTML =
      links.isEmpty ? "<p class=\"muted\">Không còn việc nào để ghi cho hồ sơ này.</p>" : "<ul>\(links)</ul>"
    return """
      <h2>Ghi sự kiện</h2>
      \(list)
      <details><summary>Sửa một sự kiện ghi nhầm</summary>
      <ul>\(fixes)</ul></details>
      """
  }

  static func letter(_ letter: TransferLetter, _ model: MemberPageModel) -> HTML {
    let late: HTML = letter.overdue(on: model.today) ? " <strong class=\"late\">đã quá hạn</strong>" : .empty
    return """
      \(letter.number.isEmpty ? "không ghi số" : "số \(letter.number)"), cấp ngày \(letter.issued.vietnamese), \
      đến \(letter.toCell.name) (\(letter.toCell.code)); hạn tiếp nhận \(letter.deadline.vietnamese)\(late)
      """
  }

  static func corrections(_ model: MemberPageModel) -> HTML {
    guard !model.corrections.isEmpty else { return .empty }
    let items = model.corrections.map { correction -> HTML in
      let now: HTML = correction.new.map { "sửa thành <strong>\(describe($0, model))</strong>" } ?? "xóa"
      return """
        <li><time>\(correction.at.vietnamese)</time> \(correction.actorLogin): <del>\(describe(correction.old, model))</del> \
        — \(now). Lý do: \(correction.reason)</li>

        """
    }
    return """
      <h2>Lịch sử sửa đổi</h2>
      <ol class="timeline">
      \(items)</ol>
      """
  }

  private static func describe(_ event: MembershipEvent, _ model: MemberPageModel) -> String {
    let cell = model.cell(event.cellID).map { " — \($0.name)" } ?? ""
    let note = event.note.isEmpty ? "" : " (\(event.note))"
    return "\(event.date.vietnamese) \(event.kind.nameVi)\(cell)\(note)"
  }
}
