import DangVuCore
import Foundation

/// A token as the API shows it: times in ISO 8601 (UTC), its state now, never the secret.
struct APITokenJSON: Encodable, Sendable {
  var id: Int64
  var login: String
  var displayName: String
  var scopeCode: String
  var name: String
  var created: String
  var expires: String
  var revoked: String?
  var revokedBy: String?
  var state: APIToken.State

  init(_ token: APIToken, now: Date) {
    id = token.id
    login = token.login
    displayName = token.displayName
    scopeCode = token.scopeCode
    name = token.name
    created = Self.iso(token.created)
    expires = Self.iso(token.expires)
    revoked = token.revoked.map(Self.iso)
    revokedBy = token.revokedBy
    state = token.state(at: now.timeIntervalSince1970)
  }

  static func iso(_ seconds: Double) -> String {
    ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: seconds))
  }
}

struct APITokenListJSON: Encodable, Sendable {
  var tokens: [APITokenJSON]
}

/// The answer to issuing a token: the only time the secret is ever shown.
struct IssuedAPITokenJSON: Encodable, Sendable {
  var token: APITokenJSON
  var secret: String
}

/// What a client sends to issue a token.
struct NewAPITokenFields: Decodable {
  var name: String?
  /// Days until it expires; the default when absent.
  var days: Int?
  /// Another account's login (administrators only); the caller's own when absent.
  var login: String?
}
