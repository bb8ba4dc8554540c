enum SignInPageView {
  static func render(_ model: SignInPageModel, csrfToken: String) -> HTML {
    let problem: HTML = model.problem.map { "<p class=\"notice\" role=\"alert\">\($0)</p>" } ?? .empty
    let next: HTML = model.next.map { "<input type=\"hidden\" name=\"tiep\" value=\"\($0)\">" } ?? .empty
    return Layout.page(
      title: "Đăng nhập",
      body: """
        <h1>Đăng nhập</h1>
        \(problem)
        <form class="stacked" method="post" action="/dang-nhap">
        <input type="hidden" name="csrf" value="\(csrfToken)">
        \(next)
        <label for="login">Tên đăng nhập</label>
        <input id="login" name="login" value="\(model.login)" autocomplete="username" autocapitalize="none" required autofocus>
        <label for="password">Mật khẩu</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit">Đăng nhập</button>
        </form>
        <p class="muted">Chưa có tài khoản? Quản trị hệ thống tạo tài khoản bằng lệnh <code>dangvu user add</code>.</p>
        """)
  }
}
