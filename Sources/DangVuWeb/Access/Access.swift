import DangVuCore
import DangVuStore
import Foundation

/// The checks every route makes before it reads or writes: a permission of the role, then the record
/// inside the principal's subtree. Routes get an `Access` only through `require`, so a handler that
/// has one has already passed the role check.
struct Access: Sendable {
  let principal: Principal
  let store: any AccessStore
  /// The request's day (`AppRequestContext.today`): what "now" means for every check made through this access.
  let today: Day

  /// The signed-in principal, if their role allows `permission`.
  static func require(_ permission: Permission, _ context: AppRequestContext, store: any AccessStore) throws
    -> Access
  {
    guard let principal = context.principal else { throw AccessError.signInRequired }
    guard principal.allows(permission) else { throw AccessError.forbidden }
    return Access(principal: principal, store: store, today: context.today)
  }

  /// Where lists and reports start when the request names no unit.
  var scopeCode: String { principal.scopeCode }

  /// The unit with `code`, if it is inside the subtree on `day` (for a day the unit did not exist,
  /// on its nearest day of existence); otherwise 404 with the same words as for a code that does not
  /// exist, so a guessed code tells nothing.
  func unit(code: String, on day: Day) async throws -> Organisation {
    guard let unit = try await store.organisation(code: code),
      try await store.unitIsWithin(id: unit.id, rootCode: scopeCode, on: Self.nearestExisting(unit, day))
    else { throw AccessError.unitNotFound(code) }
    return unit
  }

  private static func nearestExisting(_ unit: Organisation, _ day: Day) -> Day {
    if day < unit.founded { return unit.founded }
    if let ended = unit.ended, day >= ended { return ended.adding(days: -1) }
    return day
  }

  /// The unit code a report or list should use: the one asked for (checked), else the scope's root — or, for a
  /// day before the root was founded, the one committee it took over that existed then (decision 0040: An Giang's
  /// new committee asked for 2023 answers with Kiên Giang's report, as the command line does).
  func reportScope(_ requested: String?, on day: Day) async throws -> String {
    guard let requested, !requested.isEmpty else { return try await defaultScope(on: day) }
    return try await unit(code: requested, on: day).code
  }

  private func defaultScope(on day: Day) async throws -> String {
    // Whether the root existed that day comes with the sign-in (`Principal.scopeLife`); the tree is read only for a
    // principal made without it (a missing root answers with its own code, as before).
    let rootExisted: Bool
    if let known = principal.scopeExists(on: day) {
      rootExisted = known
    } else {
      rootExisted = try await store.organisation(code: scopeCode)?.exists(on: day) ?? true
    }
    guard !rootExisted else { return scopeCode }
    return try await store.predecessors(ofCode: scopeCode).soleCovering(day)?.code ?? scopeCode
  }

  /// The member with `id`, if the principal may see them: a member only themselves; everyone else a
  /// member whose cell (the current one, or the last one for a member who left) is in the subtree.
  func member(id: Int64) async throws -> Member {
    try await memberRecord(id: id).versioned.member
  }

  /// A member's whole page record, under the same rule as `member(id:)`, in one read with the subtree check.
  func memberRecord(id: Int64) async throws -> MemberRecord {
    if principal.role.ownRecordOnly && principal.memberID != id { throw AccessError.notFound }
    guard
      let record = try await store.memberRecord(
        id: id, within: principal.role.ownRecordOnly ? nil : scopeCode, on: today)
    else { throw AccessError.notFound }
    return record
  }

  /// National ID numbers are shown whole only to roles that need them; others see the last 3 digits.
  func shown(nationalID: String?) -> String? {
    guard let nationalID else { return nil }
    // A member reaches only their own record, and may read their own number.
    if principal.allows(.seeNationalID) || principal.role.ownRecordOnly { return nationalID }
    return String(repeating: "•", count: max(0, nationalID.count - 3)) + nationalID.suffix(3)
  }
}
