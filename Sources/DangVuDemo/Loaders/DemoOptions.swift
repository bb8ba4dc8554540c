import DangVuCore
import DangVuStore

/// What `dangvu demo` (and `serve --demo`) asks for: how many members, and the seed that makes
/// the data repeatable.
public struct DemoOptions: Hashable, Sendable {
  /// Members in the register on the reference day (31/12/2023); the tree scales with them.
  public var members: Int
  public var seed: UInt64
  /// The second era (`DemoSecondEraLoader`) follows: the register's monthly sums are built once, after it changes
  /// the tree, instead of also at the end of the first era.
  public var secondEraFollows: Bool

  public init(members: Int = 62_600, seed: UInt64 = 1, secondEraFollows: Bool = false) {
    self.members = members
    self.seed = seed
    self.secondEraFollows = secondEraFollows
  }
}

/// What a load wrote.
public struct DemoSummary: Hashable, Sendable {
  public var provinces: Int
  public var organisations: Int
  /// Member records written, including members who left before the reference day or joined after.
  public var members: Int
  public var events: Int
  public var referenceDay: Day
  public var membersOnReferenceDay: Int
  public var exemptOnReferenceDay: Int
  public var populationRows: Int
  public var treeChanges: Int
  /// The lifecycle added on top of the members' own histories.
  public var admissions: Int
  public var moves: Int
  public var arrivals: Int
  public var admissionPlans: Int
  public var elapsed: Duration
}
