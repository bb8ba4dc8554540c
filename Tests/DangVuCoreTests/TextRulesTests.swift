import DangVuCore
import Testing

@Suite("Text a record may hold")
struct TextRulesTests {
  @Test func vietnameseTextWithinItsLimitPasses() {
    #expect(TextRules.problem(in: "Đặng Thị Bích\tẤp 3, xã Phước Hòa\n", .homeTown) == nil)
    #expect(TextRules.problem(in: String(repeating: "Đ", count: 300), .homeTown) == nil)
  }

  @Test func lengthIsCountedInCharactersNotBytes() {
    // 300 letters of two or three bytes each: within the limit of 300 characters.
    #expect(TextRules.problem(in: String(repeating: "ợ", count: 300), .homeTown) == nil)
    let refusal = TextRules.problem(in: String(repeating: "ợ", count: 301), .homeTown)
    #expect(refusal?.code == "text.tooLong")
    #expect(refusal?.message == "Quê quán dài 301 ký tự, quá giới hạn 300 ký tự: hãy rút gọn.")
  }

  @Test(arguments: ["\u{0}", "\u{1B}[31m", "\u{7F}", "\u{202E}", "\u{202A}", "\u{2066}", "\u{2069}"])
  func controlAndBidirectionalCharactersAreRefused(bad: String) {
    let refusal = TextRules.problem(in: "Nguyễn Văn \(bad)An", .fullName)
    #expect(refusal?.code == "text.forbiddenCharacter")
    #expect(refusal?.message.hasPrefix("Họ và tên có ký tự điều khiển không được phép (U+") == true)
  }

  @Test func theRulesOfRecordsApplyTheLimits() {
    let member = Member(
      fullName: "Võ Thị Em", gender: .female, birthDate: Day(parsing: "1990-02-03")!,
      homeTown: String(repeating: "x", count: 301))
    #expect(throws: DomainError.self) { try MemberRules.checkIdentity(member) }
    let complaint = Complaint(
      kind: .complaint, subject: .member(1), received: Day(parsing: "2024-01-02")!, summary: "Tóm tắt\u{0}")
    #expect(throws: DomainError.self) { try OversightRules.check(complaint) }
  }

  @Test func anAccountsNameIsCheckedToo() {
    #expect(throws: DomainError.self) { try AccountRules.checkDisplayName(" ") }
    #expect(throws: DomainError.self) { try AccountRules.checkDisplayName("Quản trị\u{202E}") }
    #expect(throws: DomainError.self) { try AccountRules.checkDisplayName(String(repeating: "a", count: 201)) }
    #expect(throws: Never.self) { try AccountRules.checkDisplayName("Nguyễn Văn Quản") }
  }
}
