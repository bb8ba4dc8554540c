import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import Testing

@testable import DangVuWeb

/// Yearly inspection and supervision programmes per body on a page and in the API, and the progress against them
/// (issue 21 part 5): set by the inspection staff for a unit of their subtree, audited in the write's transaction;
/// refusals beside their field with nothing written; a role without `editOversight` is refused, a unit outside the
/// subtree does not exist.
@Suite struct ProgrammePagesTests {
  static var thisYear: Int { Day.today.year }
  static let commission = ConductingBody(.inspectionCommission, of: "KG.01")

  func jsonHeaders(_ session: TestSession) -> HTTPFields {
    var headers = session.headers
    headers[.contentType] = "application/json"
    headers[.init("X-CSRF-Token")!] = session.csrf
    return headers
  }

  @Test func inspectionStaffSetAProgrammeOnThePageAndSeeHowFarTheBodyHasGot() async throws {
    let (store, _) = try await WebProvince.store()
    // One regular inspection begun this year by Châu Thành's commission, none concluded.
    try await store.recordInspections([
      Inspection(
        kind: .inspection(.regular), body: Self.commission, title: "Kiểm tra việc chấp hành",
        started: Day.firstDay(ofYear: Self.thisYear), subjects: [InspectionSubject(.unit(code: "KG.01.001"))])
    ])
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    let auditBefore = try await store.auditEntries(AuditFilter()).count
    let saved = try await post(
      "/kiem-tra-ky-luat/chuong-trinh",
      form: [
        ("unit", "KG.01"), ("organ", "inspectionCommission"), ("year", String(Self.thisYear)),
        ("planned.inspection.regular", "4"), ("planned.supervision.thematic", "2"),
      ], to: store, as: staff)
    #expect(saved.status == .seeOther)
    #expect(saved.headers[.location] == "/kiem-tra-ky-luat/chuong-trinh?to-chuc=KG.01&nam=\(Self.thisYear)")
    let progress = try #require(
      try await store.programmeProgress(body: Self.commission, year: Self.thisYear, on: .today))
    #expect(progress.programme.planned == ["inspection.regular": 4, "supervision.thematic": 2])
    let entries = try await store.auditEntries(AuditFilter())
    #expect(entries.count == auditBefore + 1)
    #expect(entries.first?.action == "programme.set" && entries.first?.actorLogin == "inspectionstaff-kg.01")
    #expect(try await store.verifyAuditChain().broken == nil)

    let (status, page) = try await get("/kiem-tra-ky-luat/chuong-trinh?to-chuc=KG.01", from: store, as: staff)
    #expect(status == .ok)
    #expect(page.contains("Chương trình kiểm tra, giám sát năm \(Self.thisYear): Đảng bộ huyện Châu Thành"))
    // Planned 4, begun 1, concluded 0: a quarter of the regular inspections so far.
    #expect(
      page.contains(
        "<td class=\"num\">4</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num below\">25"))
    #expect(page.contains("Chưa có chương trình năm \(Self.thisYear)."), "the committee has none")
    #expect(page.contains("id=\"chuong-trinh-inspectionCommission\""))
    #expect(page.contains("name=\"planned.inspection.regular\" value=\"4\""), "the form starts from what is set")
  }

  @Test func aRefusedProgrammeIsShownBesideItsFieldKeepsWhatWasTypedAndWritesNothing() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    let auditBefore = try await store.auditEntries(AuditFilter()).count
    let refused = try await post(
      "/kiem-tra-ky-luat/chuong-trinh",
      form: [
        ("unit", "KG.02.001"), ("organ", "inspectionCommission"), ("year", String(Self.thisYear)),
        ("planned.inspection.regular", "nhiều"),
      ], to: store, as: staff)
    #expect(refused.status == .unprocessableContent)
    #expect(
      refused.body.contains("<span class=\"error\" id=\"e-inspectionCommission-unit\">Không có đơn vị mã “KG.02.001”"))
    #expect(
      refused.body.contains("id=\"e-inspectionCommission-inspection.regular\">Số cuộc kiểm tra thường xuyên “nhiều”"))
    #expect(refused.body.contains("value=\"nhiều\""))
    let empty = try await post(
      "/kiem-tra-ky-luat/chuong-trinh",
      form: [("unit", "KG.01"), ("organ", "partyCommittee"), ("year", String(Self.thisYear))], to: store, as: staff)
    #expect(empty.status == .unprocessableContent)
    #expect(empty.body.contains("Hãy nhập số cuộc dự kiến cho ít nhất một loại kiểm tra, giám sát."))
    for organ in ConductingBody.Organ.allCases {
      for code in ["KG.01", "KG.02.001"] {
        #expect(
          try await store.programmeProgress(
            body: ConductingBody(organ, of: code), year: Self.thisYear, on: .today) == nil)
      }
    }
    #expect(try await store.auditEntries(AuditFilter()).count == auditBefore)
  }

  @Test func aLeaderReadsButIsRefusedAndAUnitOutsideDoesNotExist() async throws {
    let (store, _) = try await WebProvince.store()
    let leader = try await signIn(store, role: .leader, scope: "KG.01")
    let (status, page) = try await get("/kiem-tra-ky-luat/chuong-trinh", from: store, as: leader)
    #expect(status == .ok && !page.contains("id=\"chuong-trinh-"))
    let form = [
      ("unit", "KG.01"), ("organ", "inspectionCommission"), ("year", String(Self.thisYear)),
      ("planned.inspection.regular", "4"),
    ]
    #expect(try await post("/kiem-tra-ky-luat/chuong-trinh", form: form, to: store, as: leader).status == .forbidden)
    let body = #"{"organ":"inspectionCommission","planned":{"inspection.regular":4}}"#
    let forbidden = try await send(
      .put, "/api/units/KG.01/oversight-programmes/\(Self.thisYear)", to: store, headers: jsonHeaders(leader),
      body: body)
    #expect(forbidden.status == .forbidden)

    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    let outside = try await send(
      .put, "/api/units/KG.02.001/oversight-programmes/\(Self.thisYear)", to: store, headers: jsonHeaders(staff),
      body: body)
    #expect(outside.status == .notFound)
    let outsideRead = try await send(
      .get, "/api/units/KG.02.001/oversight-programmes/\(Self.thisYear)", to: store, headers: staff.headers)
    #expect(outsideRead.status == .notFound)
    #expect(try await store.programmeProgress(body: Self.commission, year: Self.thisYear, on: .today) == nil)
  }

  @Test func theAPISetsAndReadsProgrammesWithTheSameChecks() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    let uri = "/api/units/KG.01/oversight-programmes/\(Self.thisYear)"
    let refused = try await send(
      .put, uri, to: store, headers: jsonHeaders(staff),
      body: #"{"organ":"inspectionCommission","planned":{"inspection.regular":-1,"inspection.none":2}}"#)
    #expect(refused.status == .unprocessableContent)
    #expect(refused.body.contains("\"planned\":\"“inspection.none” không phải loại kiểm tra, giám sát.\""))
    #expect(refused.body.contains("\"planned.inspection.regular\":\"Số cuộc kiểm tra thường xuyên “-1”"))
    #expect(try await store.auditEntries(AuditFilter(action: "programme.set")).isEmpty)

    let saved = try await send(
      .put, uri, to: store, headers: jsonHeaders(staff),
      body: #"{"organ":"inspectionCommission","planned":{"inspection.regular":5,"supervision.regular":"3"}}"#)
    #expect(saved.status == .ok)
    let read = try await send(.get, uri, to: store, headers: staff.headers)
    #expect(read.status == .ok)
    struct Answer: Decodable {
      var unit: String
      var year: Int
      var programmes: [ProgrammeProgress]
    }
    let answer = try JSONDecoder().decode(Answer.self, from: Data(read.body.utf8))
    #expect(answer.unit == "KG.01" && answer.year == Self.thisYear)
    #expect(answer.programmes.map(\.programme.planned) == [["inspection.regular": 5, "supervision.regular": 3]])
    #expect(answer.programmes.first?.programme.body == Self.commission)
  }
}
