import DangVuCore

/// What a post or collective write decides around Core's `PostRules` and `CollectiveRules`, the same on every
/// engine (`LeadershipRecording`): the refusals the store makes itself, what a post is compared with, and the
/// audit entries, so both engines refuse with the same codes and write identical entries.
public enum LeadershipWrites {
  public static func unknownPost(_ id: Int64) -> DomainError {
    DomainError("post.unknown", "Không tìm thấy chức vụ có mã số \(id).")
  }

  public static func unknownCollective(_ id: Int64) -> DomainError {
    DomainError("collective.unknown", "Không tìm thấy tập thể lãnh đạo có mã số \(id).")
  }

  public static func checkNote(_ post: HeldPost) throws {
    if let problem = TextRules.problem(in: post.note, .note) { throw DomainError("post.badNote", problem.message) }
  }

  /// A collective's name as stored, trimmed; refused when it is not one.
  public static func collectiveName(_ name: String) throws -> String {
    let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
    if let problem = TextRules.problem(in: name, .collectiveName) {
      throw DomainError("collective.badName", problem.message)
    }
    return name
  }

  /// A post typed as a free title before kinds (the demo's) has nothing to be compared with but its own days.
  public static func checkFreeTitleEnd(_ post: HeldPost) throws {
    if let until = post.until, until <= post.from {
      throw DomainError(
        "post.untilBeforeFrom",
        "Ngày thôi giữ chức vụ (\(until.vietnamese)) phải sau ngày bắt đầu (\(post.from.vietnamese)).")
    }
  }

  /// The unit's other posts a post is compared with: a post typed as a free title before kinds existed counts as the
  /// kind its title names ("Bí thư chi bộ" is the cell's secretary), if it names one.
  public static func others(of post: HeldPost, among unitPosts: [PostRecord]) -> [HeldPost] {
    unitPosts.compactMap { record in
      var other = record.post
      guard other.id != post.id else { return nil }
      if other.kindCode.isEmpty {
        guard let inferred = PostKind.inferred(fromTitle: record.title) else { return nil }
        other.kindCode = inferred
      }
      return other
    }
  }

  /// A post's title as stored: its kind's name, or the code of a kind not known (which the rules refuse).
  public static func title(of post: HeldPost, kind: PostKind?) -> String { kind?.nameVi ?? post.kindCode }

  /// An entry about a post or a collective, filed under its unit.
  public static func entry<Before: Encodable, After: Encodable>(
    _ actor: AuditActor, _ action: String, subject: String, scope: String, before: Before?, after: After?
  ) throws -> NewAuditEntry {
    NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: action, subject: subject, scopeCode: scope,
      before: try before.map { try NewAuditEntry.json($0) }, after: try after.map { try NewAuditEntry.json($0) })
  }
}
