import Crypto
import DangVuCore
import Foundation
import HummingbirdBcrypt

/// Passwords as bcrypt hashes (slow on purpose), and tokens as SHA-256 (fast: they are long random
/// values, so a slow hash adds nothing and would slow every request).
public enum PasswordHash {
  /// About a quarter of a second a hash here: slow for a guesser, unnoticed at sign-in.
  public static let defaultCost: UInt8 = 12

  // Both run on Dispatch's own threads: the server's tasks share Swift's pool of one thread a core, and a
  // quarter of a second of bcrypt on one of those would hold up the requests waiting for it.
  static func make(_ password: String, cost: UInt8) async -> String {
    await offTheTaskPool { Bcrypt.hash(password, cost: cost) }
  }

  static func verify(_ password: String, hash: String) async -> Bool {
    await offTheTaskPool { Bcrypt.verify(password, hash: hash) }
  }

  private static func offTheTaskPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { done in DispatchQueue.global().async { done.resume(returning: work()) } }
  }

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

  /// Lowercase hex of the token's SHA-256 (every request with a cookie or a token computes it).
  public static func hash(_ token: String) -> String { AuditChain.sha256Hex(Array(token.utf8)) }
}
