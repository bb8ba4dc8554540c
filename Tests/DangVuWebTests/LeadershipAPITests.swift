import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import Testing

@testable import DangVuWeb

/// Posts and collectives in the JSON API: the same checks and messages as the pages, with API tokens through
/// the real router.
@Suite struct LeadershipAPITests {
  @Test func postsAreRecordedListedAndEndedThroughTheAPI() async throws {
    let world = try await LifecycleWorld.make()
    let token = try await world.token(.organisationStaff, scope: "KG.01")
    let kinds = try await sendJSON(.get, "/api/post-kinds", token: token, to: world.store)
    #expect(kinds.status == .ok)
    let codes = try #require(try kinds.json()["kinds"] as? [[String: Any]]).compactMap { $0["code"] as? String }
    #expect(codes.starts(with: ["secretary", "deputySecretary"]))
    let created = try await sendJSON(
      .post, "/api/members/\(world.an)/posts", ["kind": "secretary", "unit": "KG.01.001.01", "from": "2020-10-01"],
      token: token, to: world.store)
    #expect(created.status == .created, "\(created.body)")
    #expect(created.headers[.location] == "/api/members/\(world.an)/posts")
    let json = try created.json()
    #expect(json["title"] as? String == "Bí thư" && json["unitCode"] as? String == "KG.01.001.01")
    #expect(json["from"] as? String == "2020-10-01" && json["until"] == nil)
    let id = try #require(json["id"] as? Int)
    let list = try await sendJSON(.get, "/api/members/\(world.an)/posts", token: token, to: world.store)
    #expect((try list.json()["posts"] as? [Any])?.count == 1)
    let unit = try await sendJSON(.get, "/api/units/KG.01.001.01/posts", token: token, to: world.store)
    #expect((try unit.json()["posts"] as? [[String: Any]])?.first?["memberId"] as? Int == Int(world.an))
    let byCard = try await sendJSON(
      .post, "/api/units/KG.01.001.01/posts", ["member": "1002", "kind": "deputySecretary", "from": "2021-01-01"],
      token: token, to: world.store)
    #expect(byCard.status == .created, "\(byCard.body)")
    let ended = try await sendJSON(
      .post, "/api/members/\(world.an)/posts/\(id)/end", ["until": "2025-10-01"], token: token, to: world.store)
    #expect(ended.status == .ok, "\(ended.body)")
    #expect(try ended.json()["until"] as? String == "2025-10-01")
    #expect(try await world.store.auditEntries(AuditFilter(action: "post.record")).count == 2)
    #expect(try await world.store.auditEntries(AuditFilter(action: "post.end")).count == 1)
  }

  @Test func refusalsAre422BesideTheFieldAndWriteNothing() async throws {
    let world = try await LifecycleWorld.make()
    let token = try await world.token(.organisationStaff, scope: "KG")
    let audit = try await world.store.auditEntries(AuditFilter()).count
    let cases: [([String: Any], String)] = [
      (["kind": "secretary", "unit": "KG.01.001.01", "from": "2020-10-01", "until": "2020-01-01"], "until"),
      (["kind": "secretary", "unit": "KG.02.001", "from": "2020-10-01"], "from"),
      (["kind": "mayor", "unit": "KG.01.001.01", "from": "2020-10-01"], "kind"),
      (["kind": "secretary", "from": "2020-10-01"], "unit"),
    ]
    for (body, field) in cases {
      let reply = try await sendJSON(.post, "/api/members/\(world.an)/posts", body, token: token, to: world.store)
      #expect(reply.status == .unprocessableContent, "\(body)")
      let details = try #require(try reply.json()["details"] as? [String: Any], "\(reply.body)")
      let fields = try #require(details["fields"] as? [String: String])
      #expect(fields[field] != nil, "\(body): \(fields)")
    }
    let collective = try await sendJSON(
      .post, "/api/units/KG.01.001/collectives", ["name": "", "kind": "standingCommittee", "from": "2020-10-01"],
      token: token, to: world.store)
    #expect(collective.status == .unprocessableContent)
    #expect(try await world.store.posts(ofMember: world.an).isEmpty)
    #expect(try await world.store.collectives(ofUnit: "KG.01.001").isEmpty)
    #expect(try await world.store.auditEntries(AuditFilter()).count == audit + 0)
  }

  @Test func collectivesAndTheirMembersThroughTheAPI() async throws {
    let world = try await LifecycleWorld.make()
    let token = try await world.token(.organisationStaff, scope: "KG.01")
    let created = try await sendJSON(
      .post, "/api/units/KG.01.001/collectives",
      ["name": "Ban Chấp hành Đảng bộ xã Bình An", "kind": "committee", "from": "2020-10-01", "until": "2025-10-01"],
      token: token, to: world.store)
    #expect(created.status == .created, "\(created.body)")
    let id = try #require(try created.json()["id"] as? Int)
    let seated = try await sendJSON(
      .post, "/api/units/KG.01.001/collectives/\(id)/members", ["member": "#\(world.bich)", "from": "2020-10-01"],
      token: token, to: world.store)
    #expect(seated.status == .ok, "\(seated.body)")
    #expect((try seated.json()["members"] as? [[String: Any]])?.first?["memberName"] as? String == "Đặng Thị Bích")
    let late = try await sendJSON(
      .post, "/api/units/KG.01.001/collectives/\(id)/members", ["member": "1001", "from": "2025-10-01"],
      token: token, to: world.store)
    #expect(late.status == .unprocessableContent)
    let list = try await sendJSON(.get, "/api/units/KG.01.001/collectives", token: token, to: world.store)
    #expect((try list.json()["collectives"] as? [Any])?.count == 1)
    // A guessed collective id under another unit's address is not found.
    let guessed = try await sendJSON(
      .post, "/api/units/KG.01.001.01/collectives/\(id)/members", ["member": "1001", "from": "2021-01-01"],
      token: token, to: world.store)
    #expect(guessed.status == .notFound)
  }
}
