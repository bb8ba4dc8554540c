import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import Testing

@testable import DangVuWeb

/// The member lifecycle in the JSON API: the same acts, checks and messages as the pages, with API tokens
/// through the real router.
@Suite struct LifecycleAPITests {
  @Test func anEventIsRecordedWith201AndTheRecordCarriesEventIds() async throws {
    let world = try await LifecycleWorld.make()
    let token = try await world.token(.secretary, scope: "KG.01.001.01")
    let reply = try await sendJSON(
      .post, "/api/members/\(world.giang)/events",
      [
        "kind": "madeOfficial", "date": "2024-01-20", "note": "5-QĐ/ĐU",
        "version": try await world.version(world.giang),
      ],
      token: token, to: world.store)
    #expect(reply.status == .created, "\(reply.body)")
    #expect(reply.headers[.location] == "/api/members/\(world.giang)")
    let json = try reply.json()
    #expect(json["officialDate"] as? String == "2024-01-20")
    let timeline = try #require(json["timeline"] as? [[String: Any]])
    #expect(timeline.allSatisfy { $0["id"] is Int })
    #expect((json["corrections"] as? [Any])?.isEmpty == true)
    let entry = try #require(try await world.store.auditEntries(AuditFilter(action: "member.event")).first)
    #expect(entry.actorLogin == "secretary-kg.01.001.01")
  }

  @Test func refusalsAre422BesideTheFieldAndWriteNothing() async throws {
    let world = try await LifecycleWorld.make()
    let token = try await world.token(.organisationStaff, scope: "KG.01")
    let before = try await world.store.statistics()
    let early = try await sendJSON(
      .post, "/api/members/\(world.giang)/events", ["kind": "madeOfficial", "date": "2023-06-01"], token: token,
      to: world.store)
    #expect(early.status == .unprocessableContent)
    let fields = try #require((try early.json()["details"] as? [String: Any])?["fields"] as? [String: String])
    #expect(fields["date"]?.contains("sớm nhất là 10/01/2024") == true)
    let kind = try await sendJSON(
      .post, "/api/members/\(world.giang)/events", ["kind": "transferSent", "date": "2024-06-01"], token: token,
      to: world.store)
    #expect(kind.status == .unprocessableContent && kind.body.contains("transfer-letters"))
    let stale = try await sendJSON(
      .post, "/api/members/\(world.giang)/events",
      ["kind": "died", "date": "2024-06-01", "version": try await world.version(world.giang) + 1],
      token: token,
      to: world.store)
    #expect(stale.status == .conflict)
    #expect(
      ((try stale.json()["details"] as? [String: Any])?["version"] as? Int) == (try await world.version(world.giang)))
    let malformed = try await send(
      .post, "/api/members/\(world.giang)/events", to: world.store,
      headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: "{\"date\": 5}")
    #expect(malformed.status == .badRequest)
    #expect(try await world.store.statistics() == before)
  }

  @Test func aLetterIsIssuedListedOnBothSidesAndReceivedByTheAddressedSide() async throws {
    let world = try await LifecycleWorld.make()
    let sender = try await world.token(.secretary, scope: "KG.01.001.01")
    let issued = try await sendJSON(
      .post, "/api/members/\(world.an)/transfer-letters",
      ["date": "2024-05-02", "cell": "KG.01.001.02", "number": "15-GGT/ĐU"], token: sender, to: world.store)
    #expect(issued.status == .created, "\(issued.body)")
    let letter = try issued.json()
    let id = try #require(letter["id"] as? Int)
    #expect(issued.headers[.location] == "/api/transfer-letters/\(id)")
    #expect(letter["deadline"] as? String == "2024-06-01" && letter["overdue"] as? Bool == true)
    #expect((letter["fromCell"] as? [String: Any])?["code"] as? String == "KG.01.001.01")
    #expect(letter["received"] == nil)
    let outgoing = try await sendJSON(.get, "/api/transfer-letters?direction=outgoing", token: sender, to: world.store)
    #expect(((try outgoing.json()["letters"] as? [[String: Any]])?.count) == 1)
    let none = try await sendJSON(.get, "/api/transfer-letters", token: sender, to: world.store)
    #expect(((try none.json()["letters"] as? [[String: Any]])?.isEmpty) == true, "not addressed to the sender")
    // The sender may read it but not receive it.
    #expect(try await sendJSON(.get, "/api/transfer-letters/\(id)", token: sender, to: world.store).status == .ok)
    let notTheirs = try await sendJSON(
      .post, "/api/transfer-letters/\(id)/receive", ["date": "2024-05-10"], token: sender, to: world.store)
    #expect(notTheirs.status == .notFound)
    let receiver = try await world.token(.secretary, scope: "KG.01.001.02")
    let incoming = try await sendJSON(.get, "/api/transfer-letters", token: receiver, to: world.store)
    let listed = try #require((try incoming.json()["letters"] as? [[String: Any]])?.first)
    #expect(listed["memberName"] as? String == "Nguyễn Văn An" && listed["number"] as? String == "15-GGT/ĐU")
    let noDate = try await sendJSON(.post, "/api/transfer-letters/\(id)/receive", [:], token: receiver, to: world.store)
    #expect(noDate.status == .unprocessableContent && noDate.body.contains("\"date\""))
    let received = try await sendJSON(
      .post, "/api/transfer-letters/\(id)/receive", ["date": "2024-05-10"], token: receiver, to: world.store)
    #expect(received.status == .ok, "\(received.body)")
    #expect(try received.json()["received"] as? String == "2024-05-10")
    let again = try await sendJSON(
      .post, "/api/transfer-letters/\(id)/receive", ["date": "2024-05-11"], token: receiver, to: world.store)
    #expect(again.status == .unprocessableContent && again.body.contains("đã được"))
    #expect(try await world.store.timeline(ofMember: world.an).currentCellID == world.units["KG.01.001.02"])
  }

  @Test func aCorrectionThroughTheAPIIsKeptInTheHistoryOfChanges() async throws {
    let world = try await LifecycleWorld.make()
    let token = try await world.token(.organisationStaff, scope: "KG.01")
    let record = try await sendJSON(.get, "/api/members/\(world.giang)", token: token, to: world.store).json()
    let admitted = try #require((record["timeline"] as? [[String: Any]])?.first?["id"] as? Int)
    let noReason = try await sendJSON(
      .post, "/api/members/\(world.giang)/events/\(admitted)/corrections",
      ["action": "replace", "kind": "admitted", "date": "2023-01-12", "cell": "KG.01.001.01"], token: token,
      to: world.store)
    #expect(noReason.status == .unprocessableContent && noReason.body.contains("\"reason\""))
    let corrected = try await sendJSON(
      .post, "/api/members/\(world.giang)/events/\(admitted)/corrections",
      [
        "action": "replace", "kind": "admitted", "date": "2023-01-12", "cell": "KG.01.001.01", "note": "77-QĐ/ĐU",
        "reason": "Ngày quyết định ghi nhầm",
      ], token: token, to: world.store)
    #expect(corrected.status == .ok, "\(corrected.body)")
    #expect(try corrected.json()["admissionDate"] as? String == "2023-01-12")
    let history = try await sendJSON(.get, "/api/members/\(world.giang)/corrections", token: token, to: world.store)
    let first = try #require((try history.json()["corrections"] as? [[String: Any]])?.first)
    #expect((first["old"] as? [String: Any])?["date"] as? String == "2023-01-10")
    #expect((first["new"] as? [String: Any])?["date"] as? String == "2023-01-12")
    #expect(first["reason"] as? String == "Ngày quyết định ghi nhầm")
    // Removing the admission would leave a history with no entry into the register: refused, nothing written.
    let removed = try await sendJSON(
      .post, "/api/members/\(world.giang)/events/\(admitted)/corrections", ["action": "remove", "reason": "thử"],
      token: token, to: world.store)
    #expect(removed.status == .unprocessableContent)
    #expect(removed.body.contains("phải bắt đầu bằng kết nạp"))
    #expect(try await world.store.timeline(ofMember: world.giang).admissionDate == day("2023-01-12"))
    #expect(try await world.store.admission(ofMember: world.giang) != nil)
  }

  @Test func admissionAndTheSponsorSearchThroughTheAPI() async throws {
    let world = try await LifecycleWorld.make()
    let token = try await world.token(.secretary, scope: "KG.01.001.01")
    let search = try await sendJSON(
      .get, "/api/units/KG.01.001.01/official-members?q=dang", token: token, to: world.store)
    let found = try #require(try search.json()["members"] as? [[String: Any]])
    #expect(found.map { $0["fullName"] as? String } == ["Đặng Thị Bích"])
    let notACell = try await sendJSON(.get, "/api/units/KG.01.001/official-members", token: token, to: world.store)
    #expect(notACell.status == .notFound, "outside the secretary's cell")
    let body: [String: Any] = [
      "fullName": "Võ Thị Em", "gender": "female", "birthDate": "1990-02-03", "ethnicity": "Kinh",
      "religion": "Không", "admissionDate": "2024-03-02", "decisionNumber": "125-QĐ/ĐU", "sponsor1": "1001",
      "sponsor2": "1002",
    ]
    var oneSponsor = body
    oneSponsor["sponsor2"] = ""
    let refused = try await sendJSON(
      .post, "/api/units/KG.01.001.01/admissions", oneSponsor, token: token, to: world.store)
    #expect(refused.status == .unprocessableContent && refused.body.contains("\"sponsor2\""))
    let admitted = try await sendJSON(.post, "/api/units/KG.01.001.01/admissions", body, token: token, to: world.store)
    #expect(admitted.status == .created, "\(admitted.body)")
    let json = try admitted.json()
    #expect(json["standing"] as? String == "probationary")
    #expect(((json["admission"] as? [String: Any])?["decisionNumber"]) as? String == "125-QĐ/ĐU")
  }

  @Test func aLeaderReadsLettersButRecordsNothing() async throws {
    let world = try await LifecycleWorld.make()
    let token = try await world.token(.leader, scope: "KG")
    #expect(try await sendJSON(.get, "/api/transfer-letters", token: token, to: world.store).status == .ok)
    let refused = try await sendJSON(
      .post, "/api/members/\(world.giang)/events", ["kind": "died", "date": "2024-01-01"], token: token,
      to: world.store)
    #expect(refused.status == .forbidden)
    let inspection = try await world.token(.inspectionStaff, scope: "KG")
    let alsoRefused = try await sendJSON(
      .post, "/api/units/KG.01.001.01/admissions", ["fullName": "A"], token: inspection, to: world.store)
    #expect(alsoRefused.status == .forbidden)
  }

  @Test func aMemberFromAnotherProvinceIsReceivedThroughTheAPI() async throws {
    let world = try await LifecycleWorld.make()
    let token = try await world.token(.organisationStaff, scope: "KG.01")
    let body: [String: Any] = [
      "fullName": "Lâm Văn Hải", "gender": "male", "birthDate": "1980-04-04", "ethnicity": "Khmer",
      "religion": "Phật giáo", "admissionDate": "2024-02-01", "decisionNumber": "4-GGT/TU",
    ]
    var noDate = body
    noDate["admissionDate"] = ""
    let refused = try await sendJSON(.post, "/api/units/KG.01.001.02/arrivals", noDate, token: token, to: world.store)
    #expect(refused.status == .unprocessableContent && refused.body.contains("\"admissionDate\""))
    let received = try await sendJSON(.post, "/api/units/KG.01.001.02/arrivals", body, token: token, to: world.store)
    #expect(received.status == .created, "\(received.body)")
    let json = try received.json()
    #expect((json["timeline"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["transferredIn"])
    #expect(json["standing"] as? String == "official")
    let notACell = try await sendJSON(.post, "/api/units/KG.01.001/arrivals", body, token: token, to: world.store)
    #expect(notACell.status == .badRequest)
  }
}
