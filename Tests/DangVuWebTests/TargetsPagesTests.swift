import DangVuCore
import DangVuStore
import Foundation
import Hummingbird
import Testing

@testable import DangVuWeb

/// The targets page and API (issue 21 part 6, issue 25 part 4): organisation staff set a unit's plan and the
/// targets of their subtree, refusals beside the field with nothing written, every write audited; the units
/// behind their plan so far in the year are listed.
@Suite struct TargetsPagesTests {
  static var thisYear: Int { Day.today.year }

  func jsonHeaders(_ session: TestSession) -> HTTPFields {
    var headers = session.headers
    headers[.contentType] = "application/json"
    headers[.init("X-CSRF-Token")!] = session.csrf
    return headers
  }

  @Test func organisationStaffSetAPlanOnThePageAndTheUnitsBehindItAreListed() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    let auditBefore = try await store.auditEntries(AuditFilter()).count
    let saved = try await post(
      "/chi-tieu/ke-hoach", form: [("unit", "KG.01.001"), ("year", String(Self.thisYear)), ("planned", "1.200")],
      to: store, as: staff)
    #expect(saved.status == .seeOther || saved.status == .found)
    #expect(try await store.admissionPlan(of: "KG.01.001", year: Self.thisYear) == 1_200)
    let entries = try await store.auditEntries(AuditFilter())
    #expect(entries.count == auditBefore + 1)
    #expect(entries.first { $0.action == "plan.set" }?.actorLogin == "organisationstaff-kg.01")
    #expect(try await store.verifyAuditChain().broken == nil)

    // Nobody in KG.01.001 was admitted this year: a plan of 1,200 is behind by any day after 1 January.
    let page = try await get("/chi-tieu?to-chuc=KG.01", from: store, as: staff)
    #expect(page.status == .ok)
    #expect(page.body.contains("<h1>Chỉ tiêu và kế hoạch kết nạp: Đảng bộ huyện Châu Thành</h1>"))
    #expect(page.body.contains("Đảng bộ xã Bình An"))
    #expect(page.body.contains("<td class=\"num\">1.200</td>"))
    let expected = AdmissionProgress.expected(planned: 1_200, on: .today)
    if expected > 0 {
      #expect(page.body.contains("1 đơn vị trực thuộc chậm so với kế hoạch kết nạp"))
      #expect(page.body.contains("<td class=\"below\">chậm tiến độ</td>"))
    }
  }

  @Test func nextYearsPlanIsSetAheadAndThePageStaysOnThisYear() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    let saved = try await post(
      "/chi-tieu/ke-hoach", form: [("unit", "KG.01"), ("year", String(Self.thisYear + 1)), ("planned", "30")],
      to: store, as: staff)
    #expect(saved.headers[.location] == "/chi-tieu?to-chuc=KG.01")
    #expect(try await store.admissionPlan(of: "KG.01", year: Self.thisYear + 1) == 30)
    #expect(try await get("/chi-tieu?to-chuc=KG.01", from: store, as: staff).status == .ok)
    // A year further ahead is refused beside its field.
    let far = try await post(
      "/chi-tieu/ke-hoach", form: [("unit", "KG.01"), ("year", String(Self.thisYear + 2)), ("planned", "30")],
      to: store, as: staff)
    #expect(far.status == .unprocessableContent)
    #expect(far.body.contains("Năm “\(Self.thisYear + 2)” phải là số nguyên từ 2000 đến \(Self.thisYear + 1)."))
  }

  @Test func aRefusedPlanShowsBesideItsFieldKeepsWhatWasTypedAndWritesNothing() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    let auditBefore = try await store.auditEntries(AuditFilter()).count
    let refused = try await post(
      "/chi-tieu/ke-hoach", form: [("unit", "KG.02.001"), ("year", String(Self.thisYear)), ("planned", "nhiều")],
      to: store, as: staff)
    #expect(refused.status == .unprocessableContent)
    #expect(refused.body.contains("Không có đơn vị mã “KG.02.001” trong phạm vi của bạn."))
    #expect(refused.body.contains("Số đảng viên kết nạp “nhiều” phải là số nguyên từ 0 đến 1.000.000."))
    #expect(refused.body.contains("value=\"nhiều\""))
    #expect(try await store.admissionPlan(of: "KG.02.001", year: Self.thisYear) == nil)
    #expect(try await store.auditEntries(AuditFilter()).count == auditBefore)
  }

  @Test func aTargetIsAddedShownAndRemovedWithinTheSubtreeOnly() async throws {
    let (store, _) = try await WebProvince.store()
    let province = try await signIn(store, role: .organisationStaff, scope: "KG")
    let added = try await post(
      "/chi-tieu/them",
      form: [
        ("measure", "admissionsPerYear"), ("unit", "KG"), ("fromYear", "2022"), ("untilYear", "2025"),
        ("low", "1600"), ("high", "1800"), ("source", "Nghị quyết số 21-NQ/TW"),
      ], to: store, as: province)
    #expect(added.status == .seeOther || added.status == .found)
    let target = try #require(try await store.reportTargets().first)
    #expect(target.valueVi == "1.600–1.800 đảng viên")
    // The band binds the province's own total: its 2023 report reads against it, the district's does not.
    #expect(try await store.membershipReport(scope: "KG", period: .year(2023)).admissionsTarget == target)
    #expect(try await store.membershipReport(scope: "KG.01", period: .year(2023)).admissionsTarget == nil)

    // A district sees the province's target (it binds the tree above it) but cannot remove it.
    let district = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    let page = try await get("/chi-tieu?to-chuc=KG.01", from: store, as: district)
    #expect(page.body.contains("1.600–1.800 đảng viên"))
    #expect(!page.body.contains("/chi-tieu/\(target.id!)/xoa"))
    #expect(try await post("/chi-tieu/\(target.id!)/xoa", form: [], to: store, as: district).status == .notFound)
    #expect(try await store.reportTargets().count == 1)

    // A band upside down is refused beside its field; a central target is the administrator's.
    let upsideDown = try await post(
      "/chi-tieu/them",
      form: [
        ("measure", "admissionsPerYear"), ("unit", "KG.01"), ("fromYear", "2022"), ("untilYear", "2025"),
        ("low", "300"), ("high", "200"), ("source", "Nghị quyết"),
      ], to: store, as: district)
    #expect(upsideDown.status == .unprocessableContent)
    #expect(upsideDown.body.contains("cận trên không nhỏ hơn cận dưới (300–200)"))
    let central = try await post(
      "/chi-tieu/them",
      form: [
        ("measure", "goodOrAbovePercent"), ("unit", ""), ("fromYear", "2022"), ("untilYear", "2030"), ("low", "90"),
        ("source", "Nghị quyết số 21-NQ/TW"),
      ], to: store, as: province)
    #expect(central.status == .unprocessableContent)
    #expect(central.body.contains("chỉ quản trị hệ thống đặt chỉ tiêu chung"))
    #expect(try await store.reportTargets().count == 1)

    let removed = try await post("/chi-tieu/\(target.id!)/xoa", form: [], to: store, as: province)
    #expect(removed.status == .seeOther || removed.status == .found)
    #expect(try await store.reportTargets().isEmpty)
    let actions = try await store.auditEntries(AuditFilter()).map(\.action)
    #expect(actions.contains("target.add") && actions.contains("target.remove"))
  }

  @Test func theAPISetsPlansAndTargetsWithTheSameChecks() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    let headers = jsonHeaders(staff)
    let plan = try await send(
      .put, "/api/units/KG.01.001/admission-plans/\(Self.thisYear)", to: store, headers: headers,
      body: #"{"planned": 40}"#)
    #expect(plan.status == .ok)
    #expect(plan.body.contains("\"planned\":40"))
    let progress = try await send(
      .get, "/api/units/KG.01/admission-plans?year=\(Self.thisYear)", to: store, headers: staff.headers)
    #expect(progress.status == .ok)
    #expect(progress.body.contains("\"code\":\"KG.01.001\""))
    #expect(progress.body.contains("\"planned\":40"))
    // A program that sends an empty year made a mistake (schemathesis found it answered this year).
    let empty = try await send(.get, "/api/units/KG.01/admission-plans?year=", to: store, headers: staff.headers)
    #expect(empty.status == .badRequest)
    #expect(empty.body.contains("target.year"))
    let bad = try await send(
      .put, "/api/units/KG.01.001/admission-plans/\(Self.thisYear)", to: store, headers: headers,
      body: #"{"planned": -3}"#)
    #expect(bad.status == .unprocessableContent)
    #expect(bad.body.contains("\"planned\""))
    #expect(try await store.admissionPlan(of: "KG.01.001", year: Self.thisYear) == 40)
    // A unit outside the subtree in the address is not there at all.
    let outside = try await send(
      .put, "/api/units/KG.02.001/admission-plans/\(Self.thisYear)", to: store, headers: headers,
      body: #"{"planned": 4}"#)
    #expect(outside.status == .notFound)

    let created = try await send(
      .post, "/api/targets", to: store, headers: headers,
      body:
        #"{"measure":"goodOrAbovePercent","unit":"KG.01","fromYear":2022,"untilYear":2030,"low":95,"source":"Nghị quyết Đại hội huyện"}"#
    )
    #expect(created.status == .created)
    #expect(created.body.contains("\"valueVi\":\"95%\""))
    let list = try await send(.get, "/api/targets", to: store, headers: staff.headers)
    #expect(list.body.contains("\"scopeCode\":\"KG.01\""))
    let id = try #require(try await store.reportTargets().first?.id)
    #expect(try await send(.delete, "/api/targets/\(id)", to: store, headers: headers).status == .ok)
    #expect(try await store.reportTargets().isEmpty)
  }

  @Test func aSecretaryReadsNoTargetsFormAndCannotWrite() async throws {
    let (store, _) = try await WebProvince.store()
    let secretary = try await signIn(store, role: .secretary, scope: "KG.01.001.01")
    let page = try await get("/chi-tieu", from: store, as: secretary)
    #expect(page.status == .ok)
    #expect(!page.body.contains("id=\"ke-hoach\""))
    let refused = try await post(
      "/chi-tieu/ke-hoach", form: [("unit", "KG.01.001.01"), ("year", "2024"), ("planned", "2")], to: store,
      as: secretary)
    #expect(refused.status == .forbidden)
  }
}
