import DangVuCore
import DangVuStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DangVuWeb

/// Writes through the web application leave entries in the audit trail: who, what, before and after,
/// chained; and a write that records nothing itself still leaves a plain entry.
@Suite struct AuditWiringTests {
  @Test func signingInAndRecordingADecisionAreAuditedWithTheRecordAfter() async throws {
    let store = try await SignInTests.storeWithAccount()
    let signedIn = try await SignInTests.submit(store, login: "hoa.bt", password: "dung-mat-khau-1")
    #expect(signedIn.status == .seeOther)
    let entries = try await store.auditEntries(AuditFilter(action: "session.signIn"))
    #expect(entries.map(\.actorLogin) == ["hoa.bt"])
    #expect(entries.first?.scopeCode == "KG.01")

    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    let saved = try await post("/kiem-tra-ky-luat/ky-luat", form: OversightPagesTests.decision, to: store, as: staff)
    #expect(saved.status == .seeOther)
    let decision = try #require(try await store.auditEntries(AuditFilter(action: "discipline.add")).first)
    #expect(decision.actorLogin == "inspectionstaff-kg.01" && decision.actorRole == "inspectionStaff")
    #expect(decision.after?.contains("\"number\":\"12-QĐ/UBKT\"") == true && decision.before == nil)
    #expect(try await store.verifyAuditChain().broken == nil)
  }

  @Test func aMemberEditKeepsTheRecordBeforeAndAfter() async throws {
    let (store, _) = try await WebProvince.store()
    let anID = try #require(try await store.member(cardNumber: "1001")).id
    let an = try #require(try await store.memberWithVersion(id: anID))
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG")
    var member = an.member
    member.homeTown = "Rạch Giá"
    _ = try await store.updateMember(member, expectedVersion: an.version, by: .commandLine(user: "thu"))
    // Through the API, as an integration would, with the version it read.
    let token = try await store.issueAPIToken(login: "organisationstaff-kg", name: "thử", at: Date())
    let current = try #require(try await store.memberWithVersion(id: an.member.id))
    let m = current.member
    let edit: [String: Any] = [
      "version": current.version, "fullName": m.fullName, "gender": m.gender.rawValue, "birthDate": m.birthDate.iso,
      "ethnicity": m.ethnicity, "religion": m.religion, "homeTown": m.homeTown,
      "partyCardNumber": m.partyCardNumber ?? "", "education": m.education, "politicalTheory": m.politicalTheory,
      "occupation": "Giáo viên",
    ]
    let body = String(decoding: try JSONSerialization.data(withJSONObject: edit), as: UTF8.self)
    _ = staff
    let response = try await send(
      .put, "/api/members/\(an.member.id)", to: store,
      headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: body)
    #expect(response.status == .ok, "\(response.body)")
    let entry = try #require(try await store.auditEntries(AuditFilter(action: "member.update")).first)
    #expect(entry.subject == "member:\(an.member.id)" && entry.scopeCode == "KG.01.001.01")
    #expect(entry.before?.contains("Rạch Giá") == true)
    #expect(entry.after?.contains("Giáo viên") == true && entry.before?.contains("Giáo viên") == false)
  }

  @Test func aWriteThatRecordsNothingItselfStillLeavesAnEntry() async throws {
    let (store, _) = try await WebProvince.store()
    let session = try await signIn(store)
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SessionMiddleware(store: store))
    router.add(middleware: AuditMiddleware(store: store))
    router.post("thu") { _, _ in "đã ghi" }
    try await Application(router: router).test(.router) { client in
      var headers = session.headers
      headers[.init("X-CSRF-Token")!] = session.csrf
      try await client.execute(uri: "/thu", method: .post, headers: headers) { #expect($0.status == .ok) }
    }
    let entries = try await store.auditEntries(AuditFilter(action: "request.post"))
    #expect(entries.map(\.subject) == ["/thu"])
    #expect(entries.first?.actorLogin == "administrator-kg")
  }
}
