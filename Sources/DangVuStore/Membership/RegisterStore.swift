import DangVuCore

/// The member register: who is a member, their identity, the history of events they went through, and the spans of
/// days in each cell that history yields, so the register of any unit on any past day is one range read. Every
/// history is checked by the same Core rules (`MemberRules`, `MemberTimeline`) on every engine.
///
/// SQLite and PostgreSQL serve it (docs/decisions/0044); code that needs only the register takes an
/// `any RegisterStore`.
public protocol RegisterStore: TreeStore {
  /// Adds members, each with the events of its history so far; every history is checked; all or none (a refused
  /// member is a `BatchItemError` naming its place in the batch). Returns the members with their new ids. An
  /// import's `audit` entry is appended in the same transaction. (SQLite's faster ways of loading many are
  /// `BulkLoading`'s, decision 0039.)
  @discardableResult
  func addMembers(_ batch: [NewMember], audit: ImportAudit?) async throws -> [Member]

  /// Appends events to existing members' histories (each checked with the member's whole history); all or none.
  func recordEvents(_ events: [MembershipEvent], audit: ImportAudit?) async throws

  /// Replaces a member's identity fields (not the history).
  func updateMember(_ member: Member) async throws

  func member(id: Int64) async throws -> Member?
  func member(cardNumber: String) async throws -> Member?
  func member(nationalID: String) async throws -> Member?
  /// Of the given card numbers, those already in the register.
  func existingCardNumbers(_ numbers: [String]) async throws -> Set<String>
  /// The ids of the members holding these card numbers (unknown numbers are left out).
  func memberIDs(cardNumbers: [String]) async throws -> [String: Int64]
  /// Of the given national ID numbers, those already in the register.
  func existingNationalIDs(_ numbers: [String]) async throws -> Set<String>
  /// How many members have each folded name and birth date (only those with any are listed): probable duplicates.
  func namesakeCounts(_ people: Set<NameAndBirth>) async throws -> [NameAndBirth: Int]
  /// Every national ID in the register with its holder's birth date, for finding the ones a typing slip away
  /// from a new one.
  func nationalIDsWithBirthDates() async throws -> [(id: String, birth: Day)]
  /// For each cell with members in the register today, how complete their records are.
  func registerCompletenessByCell() async throws -> [Int64: RegisterCompleteness]
  func timeline(ofMember id: Int64) async throws -> MemberTimeline

  /// Members in the register on `day` in the unit or below it (as the tree stood that day).
  func register(of code: String, on day: Day) async throws -> [RegisterEntry]

  /// Diacritic-insensitive search by name (đ matches d), current members of `code`'s subtree when given.
  func searchMembers(_ text: String, within code: String?, on day: Day, limit: Int) async throws -> [MemberHit]

  /// Streams every member with its events, in id order, `batchSize` at a time, for export.
  func forEachMemberBatch(
    batchSize: Int, _ body: ([(member: Member, events: [MembershipEvent])]) throws -> Void
  ) async throws

  /// How many members are in the register on `day` in each cell (only cells that have any).
  func memberCountsByCell(on day: Day) async throws -> [Int64: Int]

  /// Counts of what the store holds, for status lines and tests.
  func statistics() async throws -> StoreStatistics
}
