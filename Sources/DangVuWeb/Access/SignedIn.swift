import DangVuCore

/// Who the page being rendered is for, so the shared frame (`Layout.page`) can show their name, the
/// menu their role allows and the sign-out form without every view passing it down. Set by
/// `SessionMiddleware` around the handler; views stay pure functions of their model otherwise.
enum SignedIn {
  struct Frame: Sendable {
    var principal: Principal
    var csrfToken: String?
  }

  @TaskLocal static var current: Frame?
}
