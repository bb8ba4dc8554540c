import DangVuCore

/// The organisation tree: its units, their dated parent links, the kinds of unit, and the population of the
/// area each covers. The part of `PartyStore` every other part hangs off, so the first an engine serves whole
/// (issue 23; docs/decisions/0038). Changes people make on the web are `TreeEditing`.
///
/// Every method is one transaction: it writes all it was given, or nothing.
public protocol TreeStore: Sendable {
  /// The kinds of unit and which may sit under which, as the database holds them.
  func unitKinds() async throws -> UnitKindTable

  /// Adds units in order (a parent may be earlier in the same batch); all or none. An import's `audit` entry is
  /// appended in the same transaction (so are those of the other batch writes below that take one).
  @discardableResult
  func addOrganisations(_ batch: [NewOrganisation], audit: ImportAudit?) async throws -> [Organisation]

  /// Moves a unit under another parent from `day`; its old link ends that day.
  func moveOrganisation(code: String, underParent parentCode: String, on day: Day) async throws

  /// Ends a unit on `day` (dissolved; merged units end too). Refused while members are still in it
  /// or in a unit below it that goes on.
  func endOrganisation(code: String, on day: Day) async throws

  /// Merges a unit into another on `day`: its units move under the target, its members transfer into
  /// the target (which must then be a cell), and it ends.
  func mergeOrganisation(code: String, into targetCode: String, on day: Day) async throws

  func organisation(code: String) async throws -> Organisation?
  func organisation(id: Int64) async throws -> Organisation?
  /// Every parent link the unit ever had, oldest first.
  func parentHistory(ofCode code: String) async throws -> [ParentLink]

  /// Whether the unit `id` is the unit `rootCode` or below it on `day`, or below a unit `rootCode` took over by
  /// merger (`TreeSuccession`): the one check behind every subtree-scoped read and write. Units that ended still
  /// answer by the tree of that day.
  func unitIsWithin(id: Int64, rootCode: String, on day: Day) async throws -> Bool

  /// The tree on `day`; with a root code, only that unit's subtree.
  func tree(on day: Day, root code: String?) async throws -> OrganisationTree

  /// The units at the top of the tree on `day` (a province; two while provinces merge).
  func roots(on day: Day) async throws -> [Organisation]

  /// The units directly below the unit `code` on `day`, by code.
  func children(of code: String, on day: Day) async throws -> [Organisation]

  /// Units and links in id order, for export.
  func allOrganisations() async throws -> (units: [Organisation], links: [ParentLink])

  // MARK: Population

  func setPopulation(_ rows: [Population], audit: ImportAudit?) async throws
  func population(ofOrganisation id: Int64, year: Int) async throws -> Int?

  // MARK: For caches

  // Here rather than in `PartyStore` because it is the first thing a cache of any part asks, and every engine that
  // serves the tree serves it.
  /// A number that changes whenever anything is committed to the store, by this process or another; nil
  /// when the store cannot tell. Caches of computed reports keep an answer only while it stays the same.
  func dataGeneration() async throws -> Int64?
}
