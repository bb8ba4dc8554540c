import DangVuCore
import DangVuStore
import Foundation
import Hummingbird
import Testing

@testable import DangVuWeb

/// What a member form refuses besides bad dates: text too long for its field, characters that hide or cut
/// text, and numbers already registered, said without naming a member the person may not see.
@Suite struct MemberTextHygieneTests {
  @Test func aHomeTownTooLongIsRefusedBesideItsFieldAndNothingIsWritten() async throws {
    let world = try await RegisterWorld.make()
    let before = try await world.store.statistics().members
    let reply = try await sendAs(
      .post, "/dang-vien", as: As.staff(), store: world.store,
      form: newMemberForm(["homeTown": String(repeating: "Rạch Giá", count: 30_000)]))
    #expect(reply.status == .unprocessableContent)
    #expect(reply.body.contains("id=\"e-homeTown\">Quê quán dài 240.000 ký tự, quá giới hạn 300 ký tự"))
    #expect(try await world.store.statistics().members == before)
  }

  @Test(arguments: ["Võ\u{0}Thị Em", "Võ Thị \u{202E}mE", "Võ\u{2066}Thị Em"])
  func hiddenCharactersInANameAreRefused(name: String) async throws {
    let world = try await RegisterWorld.make()
    let before = try await world.store.statistics().members
    let reply = try await sendAs(
      .post, "/dang-vien", as: As.staff(), store: world.store, form: newMemberForm(["fullName": name]))
    #expect(reply.status == .unprocessableContent)
    #expect(reply.body.contains("id=\"e-fullName\">Họ và tên có ký tự điều khiển không được phép"))
    #expect(try await world.store.statistics().members == before)
  }

  @Test func theAPIRefusesTheSameWithA422() async throws {
    let world = try await RegisterWorld.make()
    let body =
      #"{"fullName":"Võ Thị Em","gender":"female","birthDate":"1990-02-03","ethnicity":"Kinh","#
      + #""religion":"Không","occupation":"\#(String(repeating: "x", count: 201))","cell":"KG.01.001.01","#
      + #""admissionDate":"2020-05-19","decisionNumber":"1-QĐ"}"#
    let reply = try await sendAs(.post, "/api/members", as: As.staff(), store: world.store, json: body)
    #expect(reply.status == .unprocessableContent)
    #expect(reply.body.contains("Nghề nghiệp dài 201 ký tự, quá giới hạn 200 ký tự"))
  }

  @Test func aNationalIDInsideTheSubtreeNamesItsHolder() async throws {
    let world = try await RegisterWorld.make()
    let reply = try await sendAs(
      .post, "/dang-vien", as: As.staff("KG.01"), store: world.store,
      form: newMemberForm(["nationalID": RegisterWorld.anNationalID]))
    #expect(
      reply.body.contains(
        "id=\"e-nationalID\">Số căn cước \(RegisterWorld.anNationalID) là của đảng viên Nguyễn Văn An"))
  }

  @Test func aNumberHeldOutsideTheSubtreeIsOnlySaidToBeTaken() async throws {
    let world = try await RegisterWorld.make()
    // An's cell is in Châu Thành (KG.01); Tân Hiệp's staff may not learn whose number it is, nor where.
    let reply = try await sendAs(
      .post, "/dang-vien", as: As.staff("KG.02"), store: world.store,
      form: newMemberForm(["nationalID": RegisterWorld.anNationalID, "partyCardNumber": "1001", "cell": "KG.02.001"]))
    #expect(reply.status == .unprocessableContent)
    #expect(
      reply.body.contains(
        "id=\"e-nationalID\">Số căn cước \(RegisterWorld.anNationalID) đã được đăng ký; hãy hỏi Ban Tổ chức Tỉnh ủy"))
    #expect(reply.body.contains("id=\"e-partyCardNumber\">Số thẻ đảng 1001 đã được đăng ký cho một đảng viên khác"))
    #expect(!reply.body.contains("Nguyễn Văn An"))
  }
}
