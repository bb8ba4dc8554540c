/// One line of the audit trail: who did what to which record, when, with the record before and after.
///
/// Entries are numbered without gaps from 1 and chained: `hash` covers every other field, including
/// `previousHash`, the hash of the entry before (`AuditChain`). Changing, removing or reordering an
/// entry breaks the chain from that point on.
public struct AuditEntry: Hashable, Sendable, Codable {
  public var sequence: Int64
  public var time: AuditTime
  /// The account's login; for work done on the server's command line, the operating-system user.
  public var actorLogin: String
  /// `Role.rawValue` of the actor at the time, or `system` for the command line. Kept as text so an
  /// old entry still verifies after roles are renamed.
  public var actorRole: String
  /// What was done, `family.verb`: `member.update`, `grade.set`, `account.add`, `session.signIn`.
  public var action: String
  /// Which record, `kind:key`: `member:123`, `organisation:KG.01`, `account:nguyenvana`.
  public var subject: String
  /// Code of the unit the record belongs to (a member's cell, the unit graded); who may read the entry
  /// is decided by it, with the tree as it stood on the entry's day.
  public var scopeCode: String
  /// The record before, as JSON; nil when it did not exist.
  public var before: String?
  /// The record after, as JSON; nil when it no longer exists or the action changes no record (sign-in).
  public var after: String?
  public var previousHash: String
  public var hash: String

  public init(
    sequence: Int64, time: AuditTime, actorLogin: String, actorRole: String, action: String, subject: String,
    scopeCode: String, before: String?, after: String?, previousHash: String, hash: String
  ) {
    self.sequence = sequence
    self.time = time
    self.actorLogin = actorLogin
    self.actorRole = actorRole
    self.action = action
    self.subject = subject
    self.scopeCode = scopeCode
    self.before = before
    self.after = after
    self.previousHash = previousHash
    self.hash = hash
  }

  /// The actor's role, when it is one DangVu still knows.
  public var role: Role? { Role(rawValue: actorRole) }
}

/// What a write tells the audit trail; the store adds the number, the time and the hashes.
public struct NewAuditEntry: Hashable, Sendable {
  public var actorLogin: String
  public var actorRole: String
  public var action: String
  public var subject: String
  public var scopeCode: String
  public var before: String?
  public var after: String?

  public init(
    actorLogin: String, actorRole: String, action: String, subject: String, scopeCode: String,
    before: String? = nil, after: String? = nil
  ) {
    self.actorLogin = actorLogin
    self.actorRole = actorRole
    self.action = action
    self.subject = subject
    self.scopeCode = scopeCode
    self.before = before
    self.after = after
  }

  /// An entry for what `principal` did: their login and role, inside their scope unless the record
  /// belongs to a unit below it (`scopeCode`).
  public init(
    by principal: Principal, action: String, subject: String, scopeCode: String? = nil, before: String? = nil,
    after: String? = nil
  ) {
    self.init(
      actorLogin: principal.login, actorRole: principal.role.rawValue, action: action, subject: subject,
      scopeCode: scopeCode ?? principal.scopeCode, before: before, after: after)
  }

  /// An entry nobody could read back or attribute is refused before it is written.
  public func check() throws {
    for (value, name) in [(actorLogin, "người thực hiện"), (action, "thao tác"), (scopeCode, "phạm vi")]
    where value.allSatisfy(\.isWhitespace) {
      throw DomainError("audit.incomplete", "Mục nhật ký thiếu \(name); không ghi được.")
    }
  }
}
