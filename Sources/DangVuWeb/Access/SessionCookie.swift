import Foundation
import Hummingbird

/// The cookies DangVu sets: the session, and the sign-in form's own CSRF token (the form is posted
/// before any session exists, so it checks a double-submitted cookie instead).
struct SessionCookie: Sendable {
  static let sessionName = "dangvu_session"
  static let signInName = "dangvu_signin"

  /// Set unless the server listens only on loopback over plain HTTP, where browsers would drop a
  /// Secure cookie on some setups (docs/deployment.md says to put HTTPS in front of anything else).
  var secure: Bool

  func session(_ token: String, expires: Date) -> Cookie {
    Cookie(
      name: Self.sessionName, value: token, expires: expires, path: "/", secure: secure, httpOnly: true,
      sameSite: .lax)
  }

  func signInToken(_ token: String) -> Cookie {
    Cookie(
      name: Self.signInName, value: token, maxAge: 3600, path: "/dang-nhap", secure: secure, httpOnly: true,
      sameSite: .strict)
  }

  func cleared(_ name: String, path: String = "/") -> Cookie {
    Cookie(name: name, value: "", maxAge: 0, path: path, secure: secure, httpOnly: true, sameSite: .lax)
  }
}

/// Compares secrets in time that does not depend on where they first differ.
func constantTimeEquals(_ a: String, _ b: String) -> Bool {
  let x = Array(a.utf8)
  let y = Array(b.utf8)
  guard x.count == y.count else { return false }
  var difference: UInt8 = 0
  for i in x.indices { difference |= x[i] ^ y[i] }
  return difference == 0
}
