import DangVuCore

/// What a column's value names, so that an import by an account bound to a subtree can be held to it: every unit
/// and member a row names must lie inside the subtree (`ImportScope`).
enum ScopeReference: Sendable {
  /// A unit code of the tree (a member's cell, the unit a population figure or an inspection belongs to).
  case unit
  /// The unit above a new one: a unit in the subtree, or a unit the same file adds; never empty.
  case parentUnit
  /// A code the file itself adds (the organisations file's `ma`).
  case newUnit
  /// A member already in the register, by party card number.
  case member
  /// A unit code or a member's card number, as the row's subject kind says.
  case unitOrMember
  /// A graded subject: a unit code, a card number, or a leadership collective's number.
  case gradedSubject
  /// A discipline decision, by its number.
  case disciplineDecision
}

/// An import's subtree check, in one read (`ImportScope`).
public protocol ScopeChecking: Sendable {
  /// Which of `references` lie outside the subtree of `rootCode` (or do not exist): a unit by the tree on a day
  /// it existed (today, or its last day); a member, a collective or a decision by the unit it belongs to.
  func referencesOutside(_ references: ScopeReferences, within rootCode: String, on today: Day) async throws
    -> ScopeReferences
}

/// The units, members, collectives and decisions an import names, to be found inside or outside a subtree in one
/// read (`ScopeChecking.referencesOutside`).
public struct ScopeReferences: Sendable, Hashable {
  public var unitCodes: Set<String> = []
  public var cardNumbers: Set<String> = []
  public var collectiveIDs: Set<Int64> = []
  public var decisionNumbers: Set<String> = []

  public init(
    unitCodes: Set<String> = [], cardNumbers: Set<String> = [], collectiveIDs: Set<Int64> = [],
    decisionNumbers: Set<String> = []
  ) {
    self.unitCodes = unitCodes
    self.cardNumbers = cardNumbers
    self.collectiveIDs = collectiveIDs
    self.decisionNumbers = decisionNumbers
  }
}
