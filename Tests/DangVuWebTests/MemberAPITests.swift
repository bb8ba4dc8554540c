import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import Testing

@testable import DangVuWeb

@Suite struct MemberAPITests {
  func newMemberJSON(_ overrides: [String: Any] = [:]) throws -> String {
    var fields: [String: Any] = [
      "fullName": "Võ Thị Em", "gender": "female", "birthDate": "1990-02-03", "ethnicity": "Kinh",
      "religion": "Không", "nationalID": "079190004321", "homeTown": "Rạch Giá", "partyCardNumber": "20000001",
      "cell": "KG.01.001.01", "admissionDate": "2020-05-19",
    ]
    fields.merge(overrides) { $1 }
    return String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
  }

  func updateJSON(_ member: Member, version: Int?, _ overrides: [String: Any] = [:]) throws -> String {
    var fields: [String: Any] = [
      "fullName": member.fullName, "gender": member.gender.rawValue, "birthDate": member.birthDate.iso,
      "ethnicity": member.ethnicity, "religion": member.religion, "nationalID": member.nationalID ?? NSNull(),
      "homeTown": member.homeTown, "partyCardNumber": member.partyCardNumber ?? NSNull(),
      "education": member.education, "politicalTheory": member.politicalTheory, "occupation": member.occupation,
    ]
    if let version { fields["version"] = version }
    fields.merge(overrides) { $1 }
    return String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
  }

  @Test func aMembersRecordCarriesItsVersionAndTimeline() async throws {
    let world = try await RegisterWorld.make()
    let reply = try await sendAs(.get, "/api/members/\(world.an)", as: As.staff(), store: world.store)
    #expect(reply.status == .ok)
    #expect(reply.headers[.contentType] == "application/json; charset=utf-8")
    let json = try reply.json()
    #expect(json["version"] as? Int == 2)
    let member = try #require(json["member"] as? [String: Any])
    #expect(member["fullName"] as? String == "Nguyễn Văn An")
    #expect(member["birthDate"] as? String == "1985-07-14")
    #expect(member["nationalID"] as? String == "079085001234")
    #expect((json["currentCell"] as? [String: Any])?["code"] as? String == "KG.01.001.01")
    #expect(json["standing"] as? String == "official")
    let timeline = try #require(json["timeline"] as? [[String: Any]])
    #expect(timeline.map { $0["kind"] as? String } == ["admitted", "madeOfficial"])
    #expect(timeline.map { $0["date"] as? String } == ["2010-05-19", "2011-05-19"])
    #expect(timeline.first?["label"] as? String == "kết nạp")
  }

  @Test func theNationalIDIsMaskedForALeaderInTheAPITooAndTheMemberReadsOnlyThemselves() async throws {
    let world = try await RegisterWorld.make()
    let leader = try await sendAs(.get, "/api/members/\(world.an)", as: As.leader(), store: world.store).json()
    #expect((leader["member"] as? [String: Any])?["nationalID"] as? String == "•••••••••234")
    #expect(
      try await sendAs(.get, "/api/members/\(world.an)", as: As.member(world.an), store: world.store).status == .ok)
    let other = try await sendAs(.get, "/api/members/\(world.bich)", as: As.member(world.an), store: world.store)
    #expect(other.status == .notFound)
    #expect((try other.json()["error"] as? [String: Any])?["code"] as? String == "notFound")
    #expect(
      try await sendAs(.get, "/api/members?q=an", as: As.member(world.an), store: world.store).status == .forbidden)
  }

  @Test func nobodySignedInGets401AsJSON() async throws {
    let world = try await RegisterWorld.make()
    let reply = try await sendAs(.get, "/api/members/\(world.an)", as: nil, store: world.store)
    #expect(reply.status == .unauthorized)
    #expect((try reply.json()["error"] as? [String: Any])?["code"] as? String == "auth.signInRequired")
  }

  @Test func searchStaysInsideTheSubtree() async throws {
    let world = try await RegisterWorld.make()
    let all = try await sendAs(.get, "/api/members?q=van", as: As.staff(), store: world.store).json()
    let names = Set(((all["members"] as? [[String: Any]]) ?? []).compactMap { $0["fullName"] as? String })
    #expect(names == ["Nguyễn Văn An", "Trần Văn Cường"])
    // Hà Tiên's staff search only Hà Tiên, with or without naming it.
    for uri in ["/api/members?q=van", "/api/members?q=van&org=KG.03"] {
      let haTien = try await sendAs(.get, uri, as: As.staff("KG.03"), store: world.store).json()
      #expect(
        ((haTien["members"] as? [[String: Any]]) ?? []).compactMap { $0["fullName"] as? String } == ["Trần Văn Cường"])
    }
    let outside = try await sendAs(.get, "/api/members?q=van&org=KG.01", as: As.staff("KG.03"), store: world.store)
    #expect(outside.status == .notFound)
    let within = try await sendAs(.get, "/api/members?q=van&org=KG.01", as: As.staff(), store: world.store).json()
    #expect(
      ((within["members"] as? [[String: Any]]) ?? []).compactMap { $0["fullName"] as? String } == ["Nguyễn Văn An"])
  }

  @Test func aNewMemberIsCreatedWith201AndItsAddress() async throws {
    let world = try await RegisterWorld.make()
    let reply = try await sendAs(.post, "/api/members", as: As.staff(), store: world.store, json: try newMemberJSON())
    #expect(reply.status == .created)
    let json = try reply.json()
    let id = try #require((json["member"] as? [String: Any])?["id"] as? Int)
    #expect(reply.location == "/api/members/\(id)")
    #expect(json["version"] as? Int == 1)
    #expect(json["standing"] as? String == "official" || json["standing"] as? String == "probationary")
  }

  @Test func invalidFieldsAre422WithAMessagePerField() async throws {
    let world = try await RegisterWorld.make()
    let reply = try await sendAs(
      .post, "/api/members", as: As.staff(), store: world.store,
      json: try newMemberJSON(["birthDate": "2005-02-03", "nationalID": "123", "gender": "x"]))
    #expect(reply.status == .unprocessableContent)
    let json = try reply.json()
    #expect((json["error"] as? [String: Any])?["code"] as? String == "validation.failed")
    let fields = try #require((json["details"] as? [String: Any])?["fields"] as? [String: String])
    #expect(fields["birthDate"]?.contains("mới 15 tuổi") == true)
    #expect(fields["nationalID"]?.contains("12 chữ số") == true)
    #expect(fields["gender"] == "Giới tính phải là Nam hoặc Nữ.")
    let malformed = try await sendAs(.post, "/api/members", as: As.staff(), store: world.store, json: "{not json")
    #expect(malformed.status == .badRequest)
  }

  @Test func anUpdateFromTheCurrentVersionIsSaved() async throws {
    let world = try await RegisterWorld.make()
    let an = try #require(try await world.store.memberWithVersion(id: world.an))
    let reply = try await sendAs(
      .put, "/api/members/\(world.an)", as: As.staff(), store: world.store,
      json: try updateJSON(an.member, version: an.version, ["occupation": "Kỹ sư"]))
    #expect(reply.status == .ok)
    #expect(try reply.json()["version"] as? Int == an.version + 1)
    #expect(try await world.store.member(id: world.an)?.occupation == "Kỹ sư")
  }

  @Test func aStaleUpdateIs409WithTheCurrentMemberAndOverwritesNothing() async throws {
    let world = try await RegisterWorld.make()
    let opened = try #require(try await world.store.memberWithVersion(id: world.an))
    var other = opened.member
    other.occupation = "Nông dân"
    _ = try await world.store.updateMember(other, expectedVersion: opened.version, by: .commandLine(user: "thu"))
    let reply = try await sendAs(
      .put, "/api/members/\(world.an)", as: As.staff(), store: world.store,
      json: try updateJSON(opened.member, version: opened.version, ["homeTown": "Châu Thành"]))
    #expect(reply.status == .conflict)
    let json = try reply.json()
    #expect((json["error"] as? [String: Any])?["code"] as? String == "edit.stale")
    let details = try #require(json["details"] as? [String: Any])
    #expect(details["version"] as? Int == opened.version + 1)
    #expect((details["member"] as? [String: Any])?["occupation"] as? String == "Nông dân")
    let stored = try #require(try await world.store.member(id: world.an))
    #expect(stored.homeTown == "" && stored.occupation == "Nông dân")
    let noVersion = try await sendAs(
      .put, "/api/members/\(world.an)", as: As.staff(), store: world.store, json: try updateJSON(stored, version: nil))
    #expect(noVersion.status == .unprocessableContent)
  }

  @Test func guessedIdsOutsideTheSubtreeAreNotFoundAndASecretaryMayNotEdit() async throws {
    let world = try await RegisterWorld.make()
    let an = try #require(try await world.store.memberWithVersion(id: world.an))
    let body = try updateJSON(an.member, version: an.version, ["fullName": "Đổi tên"])
    let missing = try await sendAs(.get, "/api/members/999999", as: As.staff("KG.03"), store: world.store)
    let outside = try await sendAs(.get, "/api/members/\(world.an)", as: As.staff("KG.03"), store: world.store)
    #expect(outside.status == .notFound)
    #expect(outside.body == missing.body)
    #expect(
      try await sendAs(.put, "/api/members/\(world.an)", as: As.staff("KG.03"), store: world.store, json: body).status
        == .notFound)
    #expect(
      try await sendAs(.put, "/api/members/\(world.an)", as: As.secretary(), store: world.store, json: body).status
        == .forbidden)
    #expect(
      try await sendAs(.post, "/api/members", as: As.secretary(), store: world.store, json: try newMemberJSON()).status
        == .forbidden)
    #expect(try await world.store.member(id: world.an)?.fullName == "Nguyễn Văn An")
  }
}
