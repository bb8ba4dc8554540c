import DangVuCore
import DangVuStore
import Hummingbird

/// The JSON side of the tree pages: `GET /api/me`, `GET /api/tree?date=`, `GET /api/units/{code}?date=`.
struct TreeAPIController {
  typealias Context = AppRequestContext
  let store: any AccessStore

  func addRoutes(to router: Router<Context>) {
    router.get("api/me", use: me)
    router.get("api/tree", use: tree)
    router.get("api/units/:code", use: unit)
  }

  struct Me: ResponseEncodable {
    var login: String
    var displayName: String
    var role: Role
    var roleName: String
    var scopeCode: String
    var memberID: Int64?
  }

  @Sendable func me(_ request: Request, context: Context) async throws -> Me {
    guard let principal = context.principal else { throw AccessError.signInRequired }
    return Me(
      login: principal.login, displayName: principal.displayName, role: principal.role,
      roleName: principal.role.nameVi, scopeCode: principal.scopeCode, memberID: principal.memberID)
  }

  @Sendable func tree(_ request: Request, context: Context) async throws -> UnitSummary {
    let access = try Access.require(.readRecords, context, store: store)
    return try await UnitSummary.load(
      from: store, code: access.scopeCode, on: try request.requestedDay(name: "date", today: context.today))
  }

  @Sendable func unit(_ request: Request, context: Context) async throws -> UnitSummary {
    let access = try Access.require(.readRecords, context, store: store)
    let day = try request.requestedDay(name: "date", today: context.today)
    let unit = try await access.unit(code: try context.parameters.requireCode(), on: day)
    return try await UnitSummary.load(from: store, code: unit.code, on: day)
  }
}

/// A unit on a day with its members and the units directly under it, for the API.
struct UnitSummary: ResponseEncodable {
  struct Child: Codable {
    var code: String
    var name: String
    var kind: String
    var kindName: String
    var members: Int
  }

  var date: String
  var code: String
  var name: String
  var kind: String
  var kindName: String
  var founded: String
  var ended: String?
  var members: Int
  var children: [Child]

  static func load(from store: any RegisterStore, code: String, on day: Day) async throws -> UnitSummary {
    async let kindsQuery = store.unitKinds()
    async let treeQuery = store.tree(on: day, root: code)
    async let countsQuery = store.memberCountsByCell(on: day)
    let (kinds, tree, cellCounts) = try await (kindsQuery, treeQuery, countsQuery)
    let counts = SubtreeCounts(tree: tree, cellCounts: cellCounts)
    guard let unit = try await store.organisation(code: code) else { throw AccessError.notFound }
    return UnitSummary(
      date: day.iso, code: unit.code, name: unit.name, kind: unit.kind.code, kindName: kinds.nameVi(of: unit.kind),
      founded: unit.founded.iso, ended: unit.ended?.iso, members: counts[unit.id],
      children: tree.children(of: unit.id).map {
        Child(
          code: $0.code, name: $0.name, kind: $0.kind.code, kindName: kinds.nameVi(of: $0.kind),
          members: counts[$0.id])
      })
  }
}
