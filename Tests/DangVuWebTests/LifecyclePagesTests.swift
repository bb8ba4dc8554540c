import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import Testing

@testable import DangVuWeb

/// The lifecycle acts of a member's page, the transfers page and admission from a cell's page, through the
/// real router with signed-in roles.
@Suite struct LifecyclePagesTests {
  @Test func theMembersPageOffersTheActsItsHistoryAllows() async throws {
    let world = try await LifecycleWorld.make()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001.01")
    let giang = try await get("/dang-vien/\(world.giang)", from: world.store, as: secretary)
    #expect(giang.status == .ok)
    #expect(giang.body.contains("<h2>Ghi sự kiện</h2>"))
    #expect(giang.body.contains("href=\"/dang-vien/\(world.giang)/su-kien/cong-nhan-chinh-thuc\""))
    #expect(giang.body.contains("href=\"/dang-vien/\(world.giang)/su-kien/chuyen-sinh-hoat\""))
    #expect(!giang.body.contains("/su-kien/tro-lai-sinh-hoat"), "not exempt: nothing to restore")
    let an = try await get("/dang-vien/\(world.an)", from: world.store, as: secretary)
    #expect(!an.body.contains("/su-kien/cong-nhan-chinh-thuc"), "already official")
    #expect(an.body.contains("/su-kien/mien-sinh-hoat"))
    // A leader reads only: no acts, and the act's address refuses them.
    let leader = try await signIn(world.store, role: .leader, scope: "KG")
    #expect(!(try await get("/dang-vien/\(world.giang)", from: world.store, as: leader).body.contains("Ghi sự kiện")))
    let refused = try await get("/dang-vien/\(world.giang)/su-kien/xoa-ten", from: world.store, as: leader)
    #expect(refused.status == .forbidden)
  }

  @Test(arguments: LifecycleAct.allCases)
  func everyActHasAFormWithItsFields(act: LifecycleAct) async throws {
    let world = try await LifecycleWorld.make()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001.01")
    let page = try await get("/dang-vien/\(world.giang)/su-kien/\(act.rawValue)", from: world.store, as: secretary)
    #expect(page.status == .ok)
    #expect(page.body.contains("<h1>\(act.title)</h1>"))
    #expect(page.body.contains("action=\"/dang-vien/\(world.giang)/su-kien/\(act.rawValue)\""))
    #expect(page.body.contains("name=\"date\""))
    #expect(page.body.contains("name=\"cell\"") == act.needsCell)
    #expect(page.body.contains("name=\"version\" value=\"\(try await world.version(world.giang))\""))
  }

  @Test func recognitionIsRecordedAuditedAndShown() async throws {
    let world = try await LifecycleWorld.make()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001.01")
    let saved = try await post(
      "/dang-vien/\(world.giang)/su-kien/cong-nhan-chinh-thuc",
      form: [
        ("date", "15/01/2024"), ("note", "Quyết định 5-QĐ/ĐU"), ("version", "\(try await world.version(world.giang))"),
      ],
      to: world.store, as: secretary)
    #expect(saved.status == .seeOther, "\(saved.body)")
    #expect(saved.headers[.location] == "/dang-vien/\(world.giang)")
    let timeline = try await world.store.timeline(ofMember: world.giang)
    #expect(timeline.officialDate == day("2024-01-15"))
    let entry = try #require(try await world.store.auditEntries(AuditFilter(action: "member.event")).first)
    #expect(entry.actorLogin == "secretary-kg.01.001.01" && entry.subject == "member:\(world.giang)")
    #expect(entry.scopeCode == "KG.01.001.01" && entry.after?.contains("madeOfficial") == true)
    #expect(try await world.store.auditEntries(AuditFilter(action: "request.post")).isEmpty, "one entry, not two")
    #expect(try await world.store.verifyAuditChain().broken == nil)
    let page = try await get("/dang-vien/\(world.giang)", from: world.store, as: secretary)
    #expect(page.body.contains("Công nhận chính thức <span class=\"muted\">(Quyết định 5-QĐ/ĐU)</span>"))
  }

  @Test func aRefusalOfTheHistoryShowsBesideItsFieldKeepsWhatWasTypedAndWritesNothing() async throws {
    let world = try await LifecycleWorld.make()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001.01")
    let before = try await world.store.statistics()
    let audit = try await world.store.auditEntries(AuditFilter()).count
    // Eleven months after admission: the 12-month probation is not over.
    let refused = try await post(
      "/dang-vien/\(world.giang)/su-kien/cong-nhan-chinh-thuc",
      form: [
        ("date", "10/12/2023"), ("note", "Quyết định số 9"), ("version", "\(try await world.version(world.giang))"),
      ],
      to: world.store, as: secretary)
    #expect(refused.status == .unprocessableContent)
    let message = try #require(refused.error(beside: "date"))
    #expect(message.contains("sớm nhất là 10/01/2024"))
    #expect(refused.body.contains("value=\"10/12/2023\""), "the date typed stays")
    #expect(refused.body.contains(">Quyết định số 9</textarea>"), "the note typed stays")
    #expect(try await world.store.statistics() == before, "nothing written")
    #expect(try await world.store.auditEntries(AuditFilter()).count == audit)
    // A transfer into a unit that is not a cell: beside the cell.
    let notACell = try await post(
      "/dang-vien/\(world.an)/su-kien/chuyen-sinh-hoat-mot-buoc",
      form: [("date", "01/02/2024"), ("cell", "KG.01.001"), ("version", "\(try await world.version(world.an))")],
      to: world.store, as: secretary)
    #expect(notACell.status == .unprocessableContent)
    #expect(notACell.error(beside: "cell")?.contains("không phải chi bộ") == true)
    #expect(notACell.body.contains("value=\"KG.01.001\""))
    // A date in the future, and one that is not a date.
    let future = try await post(
      "/dang-vien/\(world.an)/su-kien/tu-tran", form: [("date", "01/01/2099"), ("version", "1")], to: world.store,
      as: secretary)
    #expect(future.error(beside: "date")?.contains("tương lai") == true)
    let garbled = try await post(
      "/dang-vien/\(world.an)/su-kien/tu-tran", form: [("date", "31/02/2024"), ("version", "1")], to: world.store,
      as: secretary)
    #expect(garbled.error(beside: "date")?.contains("không phải một ngày") == true)
    #expect(try await world.store.statistics() == before)
  }

  @Test func aStaleFormIsRefusedWithTheTypedFieldsAndTheNewVersion() async throws {
    let world = try await LifecycleWorld.make()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001.01")
    let old = try await world.version(world.an)
    try await world.store.recordEvents([MembershipEvent(memberID: world.an, kind: .exempted, date: day("2024-01-01"))])
    let stale = try await post(
      "/dang-vien/\(world.an)/su-kien/xoa-ten", form: [("date", "01/06/2024"), ("version", "\(old)")],
      to: world.store, as: secretary)
    #expect(stale.status == .conflict)
    #expect(stale.body.contains("đã thay đổi sau khi bạn mở trang"))
    #expect(stale.body.contains("name=\"version\" value=\"\(try await world.version(world.an))\""))
    #expect(try await world.store.timeline(ofMember: world.an).exit == nil)
  }

  @Test func aSecretarySendsALetterThatTheReceivingCellsSecretaryReceives() async throws {
    let world = try await LifecycleWorld.make()
    let sender = try await signIn(world.store, role: .secretary, scope: "KG.01.001.01")
    let sent = try await post(
      "/dang-vien/\(world.an)/su-kien/chuyen-sinh-hoat",
      form: [
        ("date", Day.today.adding(days: -40).vietnamese), ("cell", "KG.02.001"), ("number", "15-GGT/ĐU"),
        ("version", "\(try await world.version(world.an))"),
      ], to: world.store, as: sender)
    #expect(sent.status == .seeOther, "\(sent.body)")
    let page = try await get("/dang-vien/\(world.an)", from: world.store, as: sender)
    #expect(page.body.contains("đang chuyển sinh hoạt đảng, chưa được nơi đến tiếp nhận"))
    #expect(page.body.contains("số 15-GGT/ĐU, cấp ngày \(Day.today.adding(days: -40).vietnamese)"))
    #expect(page.body.contains("hạn tiếp nhận \(Day.today.adding(days: -10).vietnamese)"))
    #expect(page.body.contains("đã quá hạn"), "40 days ago: past the 30-day deadline")
    let outgoing = try await get("/chuyen-sinh-hoat", from: world.store, as: sender)
    #expect(outgoing.body.contains("Đảng viên chuyển đi, chưa được tiếp nhận (1)"))
    #expect(!outgoing.body.contains("Tiếp nhận</button>"), "the sender does not receive its own letter")

    // The receiving cell, in another district: the letter is addressed to it.
    let receiver = try await signIn(world.store, role: .secretary, scope: "KG.02.001")
    let incoming = try await get("/chuyen-sinh-hoat", from: world.store, as: receiver)
    #expect(incoming.body.contains("Giấy giới thiệu gửi đến, chờ tiếp nhận (1)"))
    #expect(incoming.body.contains("Nguyễn Văn An") && incoming.body.contains("quá hạn"))
    let letter = try #require(
      try await world.store.pendingTransferLetters(within: "KG.02.001", direction: .incoming, on: Day.today).first)
    #expect(letter.number == "15-GGT/ĐU" && letter.deadline == Day.today.adding(days: -10))
    // A date before the letter was issued is refused beside the date, nothing written.
    let early = try await post(
      "/chuyen-sinh-hoat/\(letter.id)/tiep-nhan", form: [("date", "01/01/2020")], to: world.store, as: receiver)
    #expect(early.status == .unprocessableContent)
    #expect(early.body.contains("id=\"e-date-\(letter.id)\""))
    #expect(early.body.contains("value=\"01/01/2020\""))
    #expect(try await world.store.transferLetter(id: letter.id)?.received == nil)
    let received = try await post(
      "/chuyen-sinh-hoat/\(letter.id)/tiep-nhan", form: [("date", Day.today.vietnamese)], to: world.store,
      as: receiver)
    #expect(received.status == .seeOther, "\(received.body)")
    #expect(try await world.store.transferLetter(id: letter.id)?.received == Day.today)
    #expect(try await world.store.timeline(ofMember: world.an).currentCellID == world.units["KG.02.001"])
    #expect(try await get("/dang-vien/\(world.an)", from: world.store, as: receiver).status == .ok, "now theirs")
    let entry = try #require(try await world.store.auditEntries(AuditFilter(action: "member.transferReceived")).first)
    #expect(entry.actorLogin == "secretary-kg.02.001" && entry.scopeCode == "KG.02.001")
    #expect(try await world.store.verifyAuditChain().broken == nil)
  }

  @Test func onlyTheAddressedSubtreeReceivesALetter() async throws {
    let world = try await LifecycleWorld.make()
    let letter = try await world.store.issueTransferLetter(
      NewTransferLetter(
        memberID: world.an, toCellID: world.units["KG.01.001.02"]!, issued: day("2024-05-02"), number: "3"),
      expectedVersion: nil, by: .commandLine(user: "thu"))
    // The sender's own secretary and another district's staff: as if there were no such letter.
    for (role, scope) in [(Role.secretary, "KG.01.001.01"), (.organisationStaff, "KG.02")] {
      let session = try await signIn(world.store, role: role, scope: scope)
      let refused = try await post(
        "/chuyen-sinh-hoat/\(letter.id)/tiep-nhan", form: [("date", "10/05/2024")], to: world.store, as: session)
      #expect(refused.status == .notFound, "\(role) \(scope)")
    }
    #expect(try await world.store.transferLetter(id: letter.id)?.received == nil)
    let hoaAn = try await signIn(world.store, role: .secretary, scope: "KG.01.001.02")
    let done = try await post(
      "/chuyen-sinh-hoat/\(letter.id)/tiep-nhan", form: [("date", "10/05/2024")], to: world.store, as: hoaAn)
    #expect(done.status == .seeOther)
    #expect(try await world.store.transferLetter(id: letter.id)?.received == day("2024-05-10"))
  }

  @Test func aCorrectionReplacesTheEventAndKeepsTheOldOneInTheHistoryOfChanges() async throws {
    let world = try await LifecycleWorld.make()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001.01")
    try await world.store.recordEvents([
      MembershipEvent(memberID: world.bich, kind: .exempted, date: day("2024-02-01"), note: "nhầm ngày")
    ])
    let record = try #require(try await world.store.memberRecord(id: world.bich, within: nil, on: .today))
    let wrong = try #require(record.recordedEvents.first { $0.event.kind == .exempted })
    let form = try await get("/dang-vien/\(world.bich)/sua-su-kien/\(wrong.id)", from: world.store, as: secretary)
    #expect(form.status == .ok)
    #expect(form.body.contains("value=\"01/02/2024\"") && form.body.contains("<option value=\"exempted\" selected>"))
    // No reason: refused beside the reason, nothing changed.
    let noReason = try await post(
      "/dang-vien/\(world.bich)/sua-su-kien/\(wrong.id)",
      form: [
        ("action", "replace"), ("kind", "exempted"), ("date", "01/03/2024"), ("version", "\(record.versioned.version)"),
      ],
      to: world.store, as: secretary)
    #expect(noReason.status == .unprocessableContent)
    #expect(noReason.error(beside: "reason") != nil)
    #expect(noReason.body.contains("value=\"01/03/2024\""))
    let saved = try await post(
      "/dang-vien/\(world.bich)/sua-su-kien/\(wrong.id)",
      form: [
        ("action", "replace"), ("kind", "exempted"), ("date", "01/03/2024"), ("note", "Quyết định 2-QĐ"),
        ("reason", "Ghi nhầm ngày quyết định"), ("version", "\(record.versioned.version)"),
      ], to: world.store, as: secretary)
    #expect(saved.status == .seeOther, "\(saved.body)")
    let timeline = try await world.store.timeline(ofMember: world.bich)
    #expect(timeline.events.contains { $0.kind == .exempted && $0.date == day("2024-03-01") })
    #expect(!timeline.events.contains { $0.date == day("2024-02-01") })
    let corrections = try await world.store.eventCorrections(ofMember: world.bich)
    #expect(corrections.count == 1 && corrections[0].old.date == day("2024-02-01"))
    #expect(
      corrections[0].reason == "Ghi nhầm ngày quyết định" && corrections[0].actorLogin == "secretary-kg.01.001.01")
    let page = try await get("/dang-vien/\(world.bich)", from: world.store, as: secretary)
    #expect(page.body.contains("<h2>Lịch sử sửa đổi</h2>"))
    #expect(page.body.contains("<del>01/02/2024 miễn công tác và sinh hoạt đảng (nhầm ngày)</del>"))
    #expect(page.body.contains("Lý do: Ghi nhầm ngày quyết định"))
    let entry = try #require(try await world.store.auditEntries(AuditFilter(action: "member.correct")).first)
    #expect(entry.before?.contains("2024-02-01") == true && entry.after?.contains("2024-03-01") == true)
  }

  @Test func aCorrectionTheHistoryRefusesWritesNothing() async throws {
    let world = try await LifecycleWorld.make()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001.01")
    let record = try #require(try await world.store.memberRecord(id: world.an, within: nil, on: .today))
    let official = try #require(record.recordedEvents.first { $0.event.kind == .madeOfficial })
    // Official a month after admission: the probation is 12 months.
    let refused = try await post(
      "/dang-vien/\(world.an)/sua-su-kien/\(official.id)",
      form: [
        ("action", "replace"), ("kind", "madeOfficial"), ("date", "19/06/2010"), ("reason", "thử"),
        ("version", "\(record.versioned.version)"),
      ], to: world.store, as: secretary)
    #expect(refused.status == .unprocessableContent)
    #expect(refused.error(beside: "date")?.contains("sớm nhất là 19/05/2011") == true)
    #expect(try await world.store.timeline(ofMember: world.an).officialDate == day("2011-05-19"))
    #expect(try await world.store.eventCorrections(ofMember: world.an).isEmpty)
    // An event of another member is not found through this member's address.
    let other = try await get("/dang-vien/\(world.bich)/sua-su-kien/\(official.id)", from: world.store, as: secretary)
    #expect(other.status == .notFound)
  }

  @Test func aCellsPageAdmitsWithTheDecisionAndTwoSponsorsPickedAmongItsOfficialMembers() async throws {
    let world = try await LifecycleWorld.make()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001.01")
    let unit = try await get("/to-chuc/KG.01.001.01", from: world.store, as: secretary)
    #expect(unit.body.contains("<a href=\"/to-chuc/KG.01.001.01/ket-nap\">Kết nạp đảng viên</a>"))
    let form = try await get("/to-chuc/KG.01.001.01/ket-nap", from: world.store, as: secretary)
    #expect(form.status == .ok)
    #expect(form.body.contains("<option value=\"1001\">Nguyễn Văn An, sinh 1985, thẻ 1001</option>"))
    #expect(!form.body.contains("Phan Văn Giang, sinh"), "a probationary member cannot sponsor")
    #expect(form.body.contains("list=\"nguoi-gioi-thieu\""))
    var fields = newMemberForm(["sponsor1": "1001", "sponsor2": "1002", "admissionDate": "02/03/2024"])
    fields.removeAll { ["cell", "officialDate", "csrf"].contains($0.0) }
    // Without the second sponsor: refused beside it, nothing written, the rest as typed.
    let before = try await world.store.statistics()
    let missing = try await post(
      "/to-chuc/KG.01.001.01/ket-nap", form: fields.filter { $0.0 != "sponsor2" }, to: world.store, as: secretary)
    #expect(missing.status == .unprocessableContent)
    #expect(missing.error(beside: "sponsor2") != nil)
    #expect(missing.body.contains("value=\"Võ Thị Em\""))
    #expect(try await world.store.statistics() == before)
    let admitted = try await post("/to-chuc/KG.01.001.01/ket-nap", form: fields, to: world.store, as: secretary)
    #expect(admitted.status == .seeOther, "\(admitted.body)")
    let id = try #require(admitted.headers[.location]?.split(separator: "/").last.flatMap { Int64($0) })
    let admission = try #require(try await world.store.admission(ofMember: id))
    #expect(admission.decisionNumber == "125-QĐ/ĐU" && Set(admission.sponsorIDs) == [world.an, world.bich])
    let entry = try #require(try await world.store.auditEntries(AuditFilter(action: "member.admit")).first)
    #expect(entry.subject == "member:\(id)" && entry.scopeCode == "KG.01.001.01")
    #expect(try await world.store.auditEntries(AuditFilter(action: "member.add")).isEmpty)
  }

  @Test func aSponsorWhoWasNotOfficialOnTheAdmissionDayIsRefusedBesideTheSponsor() async throws {
    let world = try await LifecycleWorld.make()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001.01")
    var fields = newMemberForm(["sponsor1": "1001", "sponsor2": "#\(world.giang)", "admissionDate": "02/03/2023"])
    fields.removeAll { ["cell", "officialDate", "csrf"].contains($0.0) }
    let refused = try await post("/to-chuc/KG.01.001.01/ket-nap", form: fields, to: world.store, as: secretary)
    #expect(refused.status == .unprocessableContent)
    #expect(refused.error(beside: "sponsor2")?.contains("không phải đảng viên chính thức") == true)
    #expect(refused.body.contains("value=\"#\(world.giang)\""))
  }

  @Test func aMemberAdmittedInAnotherProvinceIsReceivedFromTheCellsPage() async throws {
    let world = try await LifecycleWorld.make()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001.02")
    let form = try await get("/to-chuc/KG.01.001.02/tiep-nhan-ngoai-tinh", from: world.store, as: secretary)
    #expect(form.status == .ok && form.body.contains("<h1>Tiếp nhận đảng viên từ tỉnh khác vào Chi bộ ấp Hòa An</h1>"))
    var fields = newMemberForm(["admissionDate": "01/03/2024", "decisionNumber": "Giấy giới thiệu 4-GGT/TU An Giang"])
    fields.removeAll { ["cell", "officialDate", "csrf", "sponsor1", "sponsor2"].contains($0.0) }
    // Too young on the day received: beside the birth date, nothing written.
    let before = try await world.store.statistics()
    let young = try await post(
      "/to-chuc/KG.01.001.02/tiep-nhan-ngoai-tinh",
      form: fields.map { $0.0 == "birthDate" ? ($0.0, "01/01/2010") : $0 }, to: world.store, as: secretary)
    #expect(young.status == .unprocessableContent)
    #expect(young.error(beside: "birthDate")?.contains("chưa đủ 18 tuổi") == true)
    #expect(young.body.contains("value=\"01/01/2010\""))
    #expect(try await world.store.statistics() == before)
    let received = try await post(
      "/to-chuc/KG.01.001.02/tiep-nhan-ngoai-tinh", form: fields, to: world.store, as: secretary)
    #expect(received.status == .seeOther, "\(received.body)")
    let id = try #require(received.headers[.location]?.split(separator: "/").last.flatMap { Int64($0) })
    let timeline = try await world.store.timeline(ofMember: id)
    #expect(timeline.events.map(\.kind) == [.transferredIn])
    #expect(timeline.currentCellID == world.units["KG.01.001.02"] && timeline.spans.last?.standing == .official)
    let entry = try #require(try await world.store.auditEntries(AuditFilter(action: "member.arrive")).first)
    #expect(entry.subject == "member:\(id)" && entry.actorLogin == "secretary-kg.01.001.02")
    // Outside the secretary's cell: as if there were no such cell.
    let outside = try await get("/to-chuc/KG.01.001.01/tiep-nhan-ngoai-tinh", from: world.store, as: secretary)
    #expect(outside.status == .notFound)
  }
}
