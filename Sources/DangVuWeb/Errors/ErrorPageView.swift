import DangVuCore

enum ErrorPageView {
  static func render(title: String, message: String) -> HTML {
    Layout.page(
      title: title,
      body: """
        <h1>\(title)</h1>
        <p class="notice">\(message)</p>
        <p><a href="\(Links.home())">Về trang cây tổ chức</a></p>
        """)
  }
}
