import Testing

@testable import DangVuCore

@Suite struct APITokenRulesTests {
  static let owner = Principal(accountID: 7, login: "hoa.bt", displayName: "Hoa", role: .secretary, scopeCode: "KG.01")
  static let admin = Principal(accountID: 1, login: "qt", displayName: "QT", role: .administrator, scopeCode: "KG.01")
  static let staff = Principal(accountID: 2, login: "tc", displayName: "TC", role: .organisationStaff, scopeCode: "KG")
  static let token = APIToken(
    id: 3, accountID: 7, login: "hoa.bt", displayName: "Hoa", scopeCode: "KG.01.001", name: "kế toán", created: 0,
    expires: 90 * 86400)

  @Test func ninetyDaysUnlessAskedAndNeverMoreThanAYear() throws {
    #expect(try APITokenRules.lifetimeDays(nil) == 90)
    #expect(try APITokenRules.lifetimeDays(7) == 7)
    #expect(throws: DomainError.self) { try APITokenRules.lifetimeDays(0) }
    #expect(throws: DomainError.self) { try APITokenRules.lifetimeDays(366) }
  }

  @Test func aTokenNeedsAName() throws {
    #expect(try APITokenRules.checkName("  kế toán ") == "kế toán")
    #expect(throws: DomainError.self) { try APITokenRules.checkName("   ") }
    #expect(throws: DomainError.self) { try APITokenRules.checkName("a\u{0}b") }
    // The limit counts the name as sent: 100 characters pass, 100 with a line break before them do not.
    let hundred = String(repeating: "a", count: 100)
    #expect(try APITokenRules.checkName(hundred) == hundred)
    #expect(throws: DomainError.self) { try APITokenRules.checkName("\r" + hundred) }
    #expect(throws: DomainError.self) { try APITokenRules.checkName("\u{202E}abc") }
    #expect(throws: DomainError.self) { try APITokenRules.checkName(String(repeating: "Đ", count: 101)) }
  }

  @Test func itsStateFollowsTheClockAndRevocation() {
    #expect(Self.token.state(at: 0) == .active)
    #expect(Self.token.state(at: 90 * 86400 - 1) == .active)
    #expect(Self.token.state(at: 90 * 86400) == .expired)
    var revoked = Self.token
    revoked.revoked = 5
    #expect(revoked.state(at: 6) == .revoked)
  }

  @Test func theOwnerAndAnAdministratorAboveManageItNobodyElse() {
    #expect(APITokenRules.mayManage(Self.token, by: Self.owner, ownerInsideScope: true))
    #expect(APITokenRules.mayManage(Self.token, by: Self.admin, ownerInsideScope: true))
    #expect(!APITokenRules.mayManage(Self.token, by: Self.admin, ownerInsideScope: false), "admin outside the subtree")
    #expect(
      !APITokenRules.mayManage(Self.token, by: Self.staff, ownerInsideScope: true), "staff are not administrators")
  }
}

/// A stranger's typed login goes into the audit trail as the actor of a refused sign-in.
@Suite struct AnonymousActorTests {
  @Test func controlAndBidirectionalCharactersAreShownAsReplacements() {
    #expect(AuditActor.anonymous(typed: "hoa.bt").login == "hoa.bt")
    #expect(AuditActor.anonymous(typed: "a\u{1B}[2Jb").login == "a\u{FFFD}[2Jb")
    #expect(AuditActor.anonymous(typed: "\u{202E}nimda").login == "\u{FFFD}nimda")
    #expect(AuditActor.anonymous(typed: "  ").login == "(trống)")
    #expect(AuditActor.anonymous(typed: String(repeating: "x", count: 500)).login.count == 64)
  }
}
