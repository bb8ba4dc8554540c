import DangVuCore
import DangVuStore
import PostgresNIO

/// One lifecycle act at a time on PostgreSQL (SQLite's `SQLiteStore+Lifecycle.swift`), each in one transaction with
/// its audit entry. Every event goes through the register's own write (`record`: the history check and the spans),
/// under the tree's shared lock (`writeRegister`). The version an act was made from is compared under the member's
/// row lock, so of two acts made from the same version on two servers the second sees the first's version.
extension PostgresStore: LifecycleRecording {
  public func admitMember(_ new: NewMember, by actor: AuditActor) async throws -> VersionedMember {
    try await writeRegister { transaction in
      let saved = try await Self.addOne(new, in: transaction)
      let scope = try await Self.scope(ofMember: saved.member.id, in: transaction)
      _ = try await Self.append(
        LifecycleWrites.admission(new, saved: saved, by: actor, scope: scope), in: transaction)
      return saved
    }
  }

  @discardableResult
  public func recordEvent(_ event: MembershipEvent, expectedVersion: Int?, by actor: AuditActor) async throws
    -> VersionedMember
  {
    guard event.kind != .transferSent else { throw LifecycleWrites.letterRequired }
    return try await writeRegister { transaction in
      let before = try await Self.checkedVersion(of: event.memberID, expected: expectedVersion, in: transaction)
      try await Self.recordOne(event, in: transaction)
      try await Self.appendMemberEntry(
        actor, "member.event", member: event.memberID, before: before, after: event, in: transaction)
      return try await Self.versionedMember(id: event.memberID, in: transaction)!
    }
  }

  // MARK: Shared steps

  /// The member's history before the write, after locking the member's row and checking the version the write was
  /// made from: a write from the same version on another server waits here, then sees the version moved on.
  static func checkedVersion(of memberID: Int64, expected: Int?, in transaction: PostgresTransaction) async throws
    -> [MembershipEvent]
  {
    guard let version = try await lockedVersion(of: memberID, in: transaction) else {
      throw MemberRules.unknownMember(memberID)
    }
    if let expected, version != expected {
      throw StaleVersion(current: try await versionedMember(id: memberID, in: transaction)!)
    }
    return try await events(of: memberID, in: transaction)
  }

  /// The member's version, its row locked until the transaction ends; nil when there is no such member.
  static func lockedVersion(of memberID: Int64, in transaction: PostgresTransaction) async throws -> Int? {
    try await transaction.rows(
      "SELECT version FROM member WHERE id = \(memberID) FOR UPDATE", columns: ["member.version"]
    ).first?.value(0)
  }

  static func versionedMember(id: Int64, in transaction: PostgresTransaction) async throws -> VersionedMember? {
    guard
      let version: Int = try await transaction.rows(
        "SELECT version FROM member WHERE id = \(id)", columns: ["member.version"]
      ).first?.value(0),
      let member = try await members(where: "m.id = \(id)", in: transaction).first
    else { return nil }
    return VersionedMember(member: member, version: version)
  }

  /// Records one event through the register's own write, its reason unwrapped from the batch's position.
  static func recordOne(_ event: MembershipEvent, in transaction: PostgresTransaction) async throws {
    do {
      try await record([event], in: transaction)
    } catch let error as BatchItemError {
      throw error.error
    }
  }

  /// One member with its history through the register's own write, checked whole.
  static func addOne(_ new: NewMember, in transaction: PostgresTransaction) async throws -> VersionedMember {
    let added: [Member]
    do {
      added = try await add([new], in: transaction)
    } catch let error as BatchItemError {
      // One member: the batch position says nothing, the reason is what a person needs.
      throw error.error
    }
    return try await versionedMember(id: added[0].id, in: transaction)!
  }

  /// The unit of the member's last span: where the member's entries are filed.
  static func scope(ofMember id: Int64, in transaction: PostgresTransaction) async throws -> String? {
    try await transaction.rows(
      """
      SELECT o.code FROM member_span s JOIN organisation o ON o.id = s.cell_id
      WHERE s.member_id = \(id) ORDER BY s.valid_from DESC LIMIT 1
      """, columns: ["organisation.code"]
    ).first?.value(0)
  }

  @discardableResult
  static func appendMemberEntry<Before: Encodable, After: Encodable>(
    _ actor: AuditActor, _ action: String, member id: Int64, before: Before?, after: After?,
    in transaction: PostgresTransaction
  ) async throws -> AuditEntry {
    try await append(
      LifecycleWrites.entry(
        actor, action, member: id, scope: try await scope(ofMember: id, in: transaction), before: before,
        after: after), in: transaction)
  }
}
