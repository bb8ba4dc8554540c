import DangVuCore
import DangVuStore

/// The transfers of a subtree: letters addressed to its cells, to receive, and letters its cells sent that
/// are not yet received; each with its 30-day deadline.
struct TransfersPageModel: Sendable {
  var today: Day
  var scopeCode: String
  var incoming: [TransferLetter]
  var outgoing: [TransferLetter]
  var canReceive: Bool
  var csrf: HTML
  /// After a refused receipt: the letter, what was typed and why.
  var refused: (letterID: Int64, date: String, errors: FieldProblems)?
}

enum TransfersPageView {
  static func render(_ model: TransfersPageModel) -> HTML {
    let incoming: HTML =
      model.incoming.isEmpty
      ? "<p class=\"muted\">Không có giấy giới thiệu nào đang chờ tiếp nhận.</p>"
      : "<ul class=\"letters\">\(model.incoming.map { letter($0, model, receivable: true) })</ul>"
    let outgoing: HTML =
      model.outgoing.isEmpty
      ? "<p class=\"muted\">Không có đảng viên nào đang chuyển đi mà chưa được tiếp nhận.</p>"
      : "<ul class=\"letters\">\(model.outgoing.map { letter($0, model, receivable: false) })</ul>"
    return Layout.page(
      title: "Chuyển sinh hoạt đảng",
      body: """
        <style>\(MemberFormView.style)\(style)</style>
        <h1>Chuyển sinh hoạt đảng</h1>
        <p class="muted">Trong phạm vi \(model.scopeCode), ngày \(model.today.vietnamese). Giấy giới thiệu có hạn \
        \(TransitEntry.daysToPresentLetter) ngày kể từ ngày cấp.</p>
        <h2>Giấy giới thiệu gửi đến, chờ tiếp nhận (\(model.incoming.count))</h2>
        \(incoming)
        <h2>Đảng viên chuyển đi, chưa được tiếp nhận (\(model.outgoing.count))</h2>
        \(outgoing)
        """)
  }

  private static func letter(_ letter: TransferLetter, _ model: TransfersPageModel, receivable: Bool) -> HTML {
    let late: HTML =
      letter.overdue(on: model.today)
      ? " <strong class=\"late\">quá hạn</strong>" : .empty
    // The sending side sees its own member's page; the receiving side sees the member once received.
    let name: HTML =
      receivable ? "\(letter.memberName)" : "<a href=\"\(Links.member(letter.memberID))\">\(letter.memberName)</a>"
    var form: HTML = .empty
    if receivable && model.canReceive {
      let refused = model.refused.flatMap { $0.letterID == letter.id ? $0 : nil }
      let key = "date-\(letter.id)"
      let error: HTML =
        (refused.flatMap { $0.errors["date"] ?? $0.errors.general }).map {
          "<span class=\"error\" id=\"e-\(key)\" role=\"alert\">\($0)</span>"
        } ?? .empty
      let described: HTML = refused != nil ? " aria-invalid=\"true\" aria-describedby=\"e-\(key)\"" : .empty
      form = """
        <form class="record" method="post" action="\(Links.receiveTransfer(letter.id))">
        \(model.csrf)
        <div class="field"><label for="f-\(key)">Ngày tiếp nhận</label>\
        <input id="f-\(key)" name="date" value="\(refused?.date ?? model.today.vietnamese)" inputmode="numeric"\(described)>\
        \(error)</div>
        <p><button type="submit">Tiếp nhận</button></p>
        </form>
        """
    }
    return """
      <li id="giay-\(letter.id)"><dl class="facts">
      <dt>Đảng viên</dt><dd>\(name)</dd>
      <dt>Từ</dt><dd>\(letter.fromCell.name) (\(letter.fromCell.code))</dd>
      <dt>Đến</dt><dd>\(letter.toCell.name) (\(letter.toCell.code))</dd>
      <dt>Giấy giới thiệu</dt><dd>\(letter.number.isEmpty ? "không ghi số" : "số \(letter.number)"), cấp ngày \(letter.issued.vietnamese)</dd>
      <dt>Hạn tiếp nhận</dt><dd>\(letter.deadline.vietnamese)\(late)</dd>
      </dl>
      \(form)</li>

      """
  }

  static let style: HTML = """
    ul.letters{list-style:none;padding:0}
    ul.letters>li{border:1px solid #e3e3e3;border-radius:4px;background:#fff;padding:.5rem 1rem;margin:0 0 .8rem}
    .late{color:#a50e0e}
    """
}
