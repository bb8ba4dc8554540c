/// An API token as its owner and administrators see it: never the token itself (shown once at
/// creation, then only its hash is kept), but whose it is, what for, and until when it works.
/// Times are seconds since 1970.
public struct APIToken: Hashable, Codable, Sendable, Identifiable {
  public var id: Int64
  public var accountID: Int64
  public var login: String
  public var displayName: String
  /// The owner account's scope: an administrator manages the tokens of accounts inside their subtree.
  public var scopeCode: String
  public var name: String
  public var created: Double
  public var expires: Double
  public var revoked: Double?
  /// Who revoked it, or `account.password` when a new password ended it.
  public var revokedBy: String?

  public init(
    id: Int64, accountID: Int64, login: String, displayName: String, scopeCode: String, name: String,
    created: Double, expires: Double, revoked: Double? = nil, revokedBy: String? = nil
  ) {
    self.id = id
    self.accountID = accountID
    self.login = login
    self.displayName = displayName
    self.scopeCode = scopeCode
    self.name = name
    self.created = created
    self.expires = expires
    self.revoked = revoked
    self.revokedBy = revokedBy
  }

  public enum State: String, Codable, Sendable {
    case active, expired, revoked

    public var nameVi: String {
      switch self {
      case .active: "đang dùng được"
      case .expired: "đã hết hạn"
      case .revoked: "đã thu hồi"
      }
    }
  }

  public func state(at now: Double) -> State {
    if revoked != nil { return .revoked }
    return now < expires ? .active : .expired
  }
}

/// The rules for issuing and managing API tokens.
public enum APITokenRules {
  /// A token that leaks in a script or a log stops working by itself within a quarter.
  public static let defaultLifetimeDays = 90
  public static let maximumLifetimeDays = 365
  public static var maximumNameLength: Int { TextField.apiTokenName.maxLength }

  /// The lifetime in days asked for, or the default; refused outside 1…365 days.
  public static func lifetimeDays(_ requested: Int?) throws -> Int {
    guard let requested else { return defaultLifetimeDays }
    guard (1...maximumLifetimeDays).contains(requested) else {
      throw DomainError(
        "token.badLifetime",
        "Thời hạn của mã truy cập phải từ 1 đến \(maximumLifetimeDays) ngày (mặc định \(defaultLifetimeDays) ngày).")
    }
    return requested
  }

  /// The name says what the token is for, so it can be recognised in the list and revoked.
  public static func checkName(_ name: String) throws -> String {
    let trimmed = String(name.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    guard !trimmed.isEmpty else {
      throw DomainError(
        "token.nameMissing",
        "Hãy đặt tên cho mã truy cập (ví dụ “đồng bộ phần mềm kế toán”) để sau này nhận ra và thu hồi.")
    }
    // The length is that of the name as sent, which is what the API's schema and the page's field limit: a name
    // 101 characters long with a space at each end is refused too (schemathesis found it accepted).
    try TextRules.check(name, .apiTokenName)
    return trimmed
  }

  /// The owner manages their own tokens; an administrator those of accounts inside their subtree
  /// (`ownerInsideScope`: the owner's scope unit is in the principal's subtree).
  public static func mayManage(_ token: APIToken, by principal: Principal, ownerInsideScope: Bool) -> Bool {
    token.accountID == principal.accountID || (principal.allows(.manageAccounts) && ownerInsideScope)
  }
}

extension TextField {
  public static let apiTokenName = TextField("name", "Tên mã truy cập", maxLength: 100)
}
