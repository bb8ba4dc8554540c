import DangVuCore
import Foundation

enum APITokensPageView {
  static func render(_ model: APITokensPageModel) -> HTML {
    let issued: HTML =
      model.issued.map { issued in
        """
        <div class="notice" role="status"><p>Đã cấp mã truy cập “\(issued.token.name)” cho \(issued.token.login), \
        hết hạn \(shown(issued.token.expires)). Hãy chép ngay: DangVu chỉ giữ bản băm, mã này không hiện lại được.</p>
        <p><code id="ma-moi">\(issued.secret)</code></p>
        <p class="muted">Dùng trong tiêu đề yêu cầu: <code>Authorization: Bearer &lt;mã&gt;</code>.</p></div>
        """
      } ?? .empty
    let problem: HTML = model.problem.map { "<p class=\"notice\" role=\"alert\">\($0)</p>" } ?? .empty
    let forOthers: HTML =
      model.canIssueForOthers
      ? """
      <label for="login">Cấp cho tài khoản (để trống: tài khoản của tôi)</label>
      <input id="login" name="login" autocapitalize="none">
      """ : .empty
    let rows = model.tokens.map { row($0, model) }
    let table: HTML =
      model.tokens.isEmpty
      ? "<p class=\"muted\">Chưa có mã truy cập nào.</p>"
      : """
      <div class="table"><table>
      <thead><tr><th class="num">Số</th><th>Tài khoản</th><th>Tên</th><th>Cấp lúc</th><th>Hết hạn</th>\
      <th>Trạng thái</th><th></th></tr></thead>
      <tbody>\(rows)</tbody>
      </table></div>
      """
    return Layout.page(
      title: "Mã truy cập API",
      body: """
        <h1>Mã truy cập API</h1>
        <p class="muted">Mã truy cập cho phần mềm khác đọc, ghi qua JSON API thay mặt một tài khoản. \
        Mỗi mã hết hạn sau thời hạn đặt khi cấp (mặc định \(APITokenRules.defaultLifetimeDays) ngày), \
        và hết hiệu lực ngay khi bị thu hồi hoặc khi mật khẩu của tài khoản được đặt lại.</p>
        \(issued)
        \(table)
        <h2>Cấp mã mới</h2>
        \(problem)
        <form class="stacked" method="post" action="/ma-truy-cap">
        \(model.csrf)
        <label for="name">Tên (dùng vào việc gì)</label>
        <input id="name" name="name" value="\(model.typedName)" maxlength="\(APITokenRules.maximumNameLength)" required>
        <label for="days">Thời hạn (ngày, 1–\(APITokenRules.maximumLifetimeDays))</label>
        <input id="days" name="days" type="number" min="1" max="\(APITokenRules.maximumLifetimeDays)" \
        value="\(APITokenRules.defaultLifetimeDays)">
        \(forOthers)
        <button type="submit">Cấp mã</button>
        </form>
        """)
  }

  private static func row(_ token: APIToken, _ model: APITokensPageModel) -> HTML {
    let state = token.state(at: model.now.timeIntervalSince1970)
    let action: HTML =
      state == .active
      ? """
      <form method="post" action="/ma-truy-cap/\(String(token.id))/thu-hoi">\(model.csrf)\
      <button type="submit">Thu hồi</button></form>
      """ : .empty
    return """
      <tr><td class="num">\(String(token.id))</td><td>\(token.login)<br><span class="kind">\(token.displayName)</span></td>\
      <td>\(token.name)</td><td>\(shown(token.created))</td><td>\(shown(token.expires))</td>\
      <td>\(state.nameVi)</td><td>\(action)</td></tr>
      """
  }

  /// Vietnam's clock, to the minute: when a person reads it, not for machines (the API gives ISO 8601).
  static func shown(_ seconds: Double) -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "dd/MM/yyyy HH:mm"
    formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
    return formatter.string(from: Date(timeIntervalSince1970: seconds))
  }
}
