import DangVuCore

/// A batch of new members whose identities and histories were checked against the tree as it stood
/// (`BulkLoading.checkMembers`, or the members file's import), to be written by `BulkLoading.addMembers(_:audit:)`.
///
/// Checking is most of the work of writing a batch besides SQLite's own, and it needs only the tree: a
/// caller loading many batches checks the next one while the store writes the previous one, so the single
/// writer only binds and inserts (the national demo). The store checks again on its writer, cheaply, that
/// every unit the check read is still as it was, and checks the batch again itself if one changed.
public struct CheckedMembers: Sendable {
  /// The batch as it was given to the check.
  public let batch: [NewMember]
  let members: [CheckedMember]
  /// Every unit the check read, as it read it (nil: no such unit), and the kind rules it applied.
  let units: [Int64: Organisation?]
  let kinds: UnitKindTable

  public var count: Int { batch.count }

  /// Whether `id` is a unit the check found: every cell a checked history names has been looked up.
  func found(_ id: Int64) -> Bool { units[id].map { $0 != nil } ?? false }
}

/// One member of a checked batch: its history laid out, and its name folded for search.
struct CheckedMember: Sendable {
  let timeline: MemberTimeline
  let searchName: String
}
