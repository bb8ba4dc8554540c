import DangVuCore
import DangVuStore
import DangVuWeb
import Foundation
import Hummingbird
import Testing

/// The table of what each role may do (`Role.permissions`, issue 21 part 8), read by the access matrix: the
/// table says what the issue says, and a role the table gives no write at all writes nothing by any route, even
/// inside its own subtree.
@Suite struct RoleTableTests {
  /// The permissions that change records (accounts and tokens of one's own aside).
  static let writes: Set<Permission> = [
    .editRegister, .recordLifecycle, .recordPosts, .editGrades, .approveGrades, .setTargets, .editTree,
    .editOversight, .manageAccounts,
  ]

  @Test func theTableSaysWhatEachRoleDoes() {
    let table = Role.permissions
    #expect(table[.secretary]!.intersection(Self.writes) == [.recordLifecycle, .editGrades])
    #expect(
      table[.organisationStaff]!.intersection(Self.writes)
        == [.editRegister, .recordLifecycle, .recordPosts, .editGrades, .approveGrades, .setTargets, .editTree])
    #expect(table[.inspectionStaff]!.intersection(Self.writes) == [.editOversight])
    #expect(table[.leader]! == [.readRecords, .readReports])
    #expect(table[.member]! == [.readOwnRecord])
    #expect(table[.administrator]! == Set(Permission.allCases))
    for role in Role.allCases {
      for permission in Permission.allCases {
        #expect(role.allows(permission) == table[role]!.contains(permission), "\(role) \(permission)")
      }
    }
  }

  /// Every unsafe route, aimed inside the account's own subtree, for each role the table gives no write.
  @Test(arguments: Role.allCases.filter { Role.permissions[$0]!.isDisjoint(with: RoleTableTests.writes) })
  func aRoleWithoutAWriteInTheTableWritesNothingAnywhere(role: Role) async throws {
    let world = try await AccessMatrixTests.world()
    let session =
      role == .member
      ? try await signIn(world.store, role: role, scope: "KG.01.001.01", memberID: world.insideMember)
      : try await signIn(world.store, role: role, scope: "KG.01")
    let before = try await AccessMatrixTests.fingerprint(world)
    let statisticsBefore = try await world.store.statistics()
    let auditBefore = try await world.store.auditEntries(AuditFilter(limit: AuditFilter.maximumLimit)).count
    var checked = 0
    for route in buildRouter(store: world.store).routes where route.method != .get && route.method != .head {
      let path = "\(route.path)"
      // One's own session, password and API tokens are one's own to change.
      if ["dang-nhap", "dang-xuat", "mat-khau", "ma-truy-cap", "tokens"].contains(where: path.contains) { continue }
      let uri = path.replacingOccurrences(of: "{code}", with: "KG.01.001.01")
        .replacingOccurrences(of: "{year}", with: "2023").replacingOccurrences(
          of: "{id}", with: String(world.insideMember)
        )
        .replacingOccurrences(of: "{event}", with: "1").replacingOccurrences(of: "{act}", with: "xoa-ten")
        .replacingOccurrences(of: "{kind}", with: "members")
      let response: TestResponse
      if path.hasPrefix("/api/") {
        var headers = session.headers
        headers[.contentType] = "application/json"
        headers[.init("X-CSRF-Token")!] = session.csrf
        response = try await send(route.method, uri, to: world.store, headers: headers, body: "{}")
      } else {
        response = try await post(uri, form: [("nam", "2023")], to: world.store, as: session)
      }
      checked += 1
      #expect(
        [.forbidden, .notFound].contains(response.status),
        "\(role) \(route.method) \(uri) answered \(response.status): the table gives it no write")
    }
    #expect(checked > 40, "only \(checked) write routes were tried")
    #expect(try await AccessMatrixTests.fingerprint(world) == before)
    #expect(try await world.store.statistics() == statisticsBefore)
    #expect(try await world.store.auditEntries(AuditFilter(limit: AuditFilter.maximumLimit)).count == auditBefore)
  }
}
