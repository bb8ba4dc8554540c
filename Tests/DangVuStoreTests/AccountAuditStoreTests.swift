import DangVuCore
import Foundation
import Testing

@testable import DangVuStore

/// Accounts made, moved and locked on the command line are audited in the write's transaction (issue 21 part 7):
/// the account before and after, never its password hash; an entry that cannot be written takes the change with it.
@Suite("Store: account changes audited")
struct AccountAuditStoreTests {
  static let root = AuditActor.commandLine(user: "root@may-chu")
  static let hoa = NewAccount(login: "hoa.bt", displayName: "Bùi Thị Hoa", role: .organisationStaff, scopeCode: "KG")

  @Test func addingMovingAndLockingAnAccountLeaveTheirEntries() async throws {
    let store = try await ImportProvince.store()
    _ = try await store.addAccount(Self.hoa, password: "mat-khau-rat-dai", cost: 4, by: Self.root)
    try await store.setRole(login: "hoa.bt", role: .secretary, scopeCode: "KG.01.002", memberID: nil, by: Self.root)
    try await store.setDisabled(login: "hoa.bt", true, by: Self.root)

    let entries = try await store.auditEntries(AuditFilter(subject: "account:hoa.bt"))
    #expect(entries.map(\.action) == ["account.disable", "account.role", "account.add"])
    #expect(entries.allSatisfy { $0.actorLogin == "root@may-chu" && $0.actorRole == "system" })
    #expect(entries.map(\.scopeCode) == ["KG.01.002", "KG.01.002", "KG"], "filed under the account's subtree")
    #expect(entries[1].before?.contains(#""role":"organisationStaff""#) == true)
    #expect(entries[1].after?.contains(#""role":"secretary""#) == true)
    #expect(entries[0].after?.contains(#""disabled":true"#) == true)
    #expect(entries.allSatisfy { !($0.after ?? "").contains("$2") }, "no password hash in the trail")
    #expect(try await store.verifyAuditChain().isIntact)
  }

  @Test func aChangeWhoseEntryCannotBeWrittenIsNotMade() async throws {
    let store = try await ImportProvince.store()
    _ = try await store.addAccount(Self.hoa, password: "mat-khau-rat-dai", cost: 4)
    let nobody = AuditActor(login: " ", role: "system")
    await #expect(throws: DomainError.self) {
      try await store.setRole(login: "hoa.bt", role: .leader, scopeCode: "KG.01", memberID: nil, by: nobody)
    }
    await #expect(throws: DomainError.self) { try await store.setDisabled(login: "hoa.bt", true, by: nobody) }
    await #expect(throws: DomainError.self) {
      _ = try await store.addAccount(
        NewAccount(login: "lan.nt", displayName: "Lan", role: .leader, scopeCode: "KG"), password: "mat-khau-rat-dai",
        cost: 4, by: nobody)
    }
    let hoa = try #require(try await store.account(login: "hoa.bt"))
    #expect(hoa.role == .organisationStaff && hoa.scopeCode == "KG" && !hoa.disabled)
    #expect(try await store.account(login: "lan.nt") == nil)
    #expect(try await store.auditEntries(AuditFilter()).isEmpty)
  }
}
