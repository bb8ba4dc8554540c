import DangVuCore
import DangVuStore

extension Access {
  /// Reading a member's record: roles that read the records of their subtree, or the member role, which
  /// reads only its own (`member(id:)` enforces that).
  static func requireReadingMembers(_ context: AppRequestContext, store: any AccessStore) throws -> Access {
    do {
      return try Access.require(.readRecords, context, store: store)
    } catch AccessError.forbidden {
      return try Access.require(.readOwnRecord, context, store: store)
    }
  }
}
