import Crypto
import Foundation
import HummingbirdBcrypt

/// Passwords as bcrypt hashes (slow on purpose), and tokens as SHA-256 (fast: they are long random
/// values, so a slow hash adds nothing and would slow every request).
public enum PasswordHash {
  /// About a quarter of a second a hash here: slow for a guesser, unnoticed at sign-in.
  public static let defaultCost: UInt8 = 12

  static func make(_ password: String, cost: UInt8) -> String { Bcrypt.hash(password, cost: cost) }

  static func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

  /// A hash that no password matches, checked when the login is unknown so that a wrong login takes
  /// as long as a wrong password and does not reveal which logins exist.
  static let decoy = Bcrypt.hash("không có tài khoản này", cost: defaultCost)
}

public enum Token {
  /// 32 random bytes, URL-safe base64: unguessable, and fits a cookie or a header as it is.
  public static func random() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    return Data(bytes).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }

  static func hash(_ token: String) -> String {
    SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
  }
}
