import DangVuCore
import Testing

@Suite("Post rules: dated, held inside the unit, not overlapping")
struct PostRulesTests {
  static let secretary = PostKind.standard.first { $0.code == "secretary" }!
  static let deputy = PostKind.standard.first { $0.code == "deputySecretary" }!

  static func d(_ text: String) -> Day { Day(parsing: text)! }

  /// In the unit from 2010 to 2024-03-01, then elsewhere.
  static let placements = [
    UnitPlacement(from: d("2010-01-01"), until: d("2024-03-01"), insideUnit: true),
    UnitPlacement(from: d("2024-03-01"), until: nil, insideUnit: false),
  ]

  func check(_ post: HeldPost, kind: PostKind? = secretary, others: [HeldPost] = []) throws {
    try PostRules.check(
      post, kind: kind, memberName: "An", unitName: "Chi bộ ấp Phước Hòa", unitExists: { _ in true },
      placements: Self.placements, others: others)
  }

  func code(_ post: HeldPost, kind: PostKind? = secretary, others: [HeldPost] = []) -> String? {
    do {
      try check(post, kind: kind, others: others)
      return nil
    } catch let error as DomainError {
      return error.code
    } catch {
      return "\(error)"
    }
  }

  func post(_ member: Int64 = 1, from: String, until: String? = nil) -> HeldPost {
    HeldPost(memberID: member, kindCode: "secretary", unitID: 5, from: Self.d(from), until: until.map(Self.d))
  }

  @Test func aPostInsideTheMembersTimeInTheUnitPasses() {
    #expect(code(post(from: "2020-10-01", until: "2024-03-01")) == nil)
  }

  @Test func theEndMustComeAfterTheStart() {
    #expect(code(post(from: "2020-10-01", until: "2020-10-01")) == "post.untilBeforeFrom")
    #expect(code(post(from: "2020-10-01", until: "2019-10-01")) == "post.untilBeforeFrom")
  }

  @Test func aPostOutlastingTheMembersStayOrStartingBeforeItIsRefused() {
    #expect(code(post(from: "2020-10-01")) == "post.leftUnit")
    #expect(code(post(from: "2020-10-01", until: "2024-03-02")) == "post.leftUnit")
    #expect(code(post(from: "2009-12-31", until: "2011-01-01")) == "post.notInUnit")
    #expect(code(post(from: "2024-03-01", until: "2024-05-01")) == "post.notInUnit")
  }

  @Test func overlapsAreRefusedForTheSameMemberAndForASingleHoldersPost() {
    let held = post(from: "2015-01-01", until: "2020-01-01")
    #expect(code(post(from: "2019-12-31", until: "2021-01-01"), others: [held]) == "post.overlap")
    #expect(code(post(from: "2020-01-01", until: "2021-01-01"), others: [held]) == nil)
    let another = post(2, from: "2015-01-01", until: "2020-01-01")
    #expect(code(post(from: "2016-01-01", until: "2017-01-01"), others: [another]) == "post.heldByAnother")
    var deputy = another
    deputy.kindCode = "deputySecretary"
    var mine = post(from: "2016-01-01", until: "2017-01-01")
    mine.kindCode = "deputySecretary"
    #expect(code(mine, kind: Self.deputy, others: [deputy]) == nil)
  }

  @Test func anUnknownOrRetiredKindIsRefused() {
    #expect(code(post(from: "2020-10-01", until: "2021-01-01"), kind: nil) == "post.unknownKind")
    let retired = PostKind(code: "old", nameVi: "Cũ", validUntil: Self.d("2020-01-01"))
    #expect(code(post(from: "2020-10-01", until: "2021-01-01"), kind: retired) == "post.kindNotInForce")
  }
}

@Suite("Post kinds named by free titles")
struct PostKindTitleTests {
  @Test func titlesTypedBeforeKindsNameTheirKind() {
    #expect(PostKind.inferred(fromTitle: "Bí thư chi bộ") == "secretary")
    #expect(PostKind.inferred(fromTitle: "Bí thư Huyện ủy") == "secretary")
    #expect(PostKind.inferred(fromTitle: "Phó Bí thư Đảng ủy") == "deputySecretary")
    #expect(PostKind.inferred(fromTitle: "Chủ nhiệm Ủy ban kiểm tra") == "inspectionChair")
    #expect(PostKind.inferred(fromTitle: "Phó Chủ nhiệm Ủy ban kiểm tra") == "inspectionDeputyChair")
    #expect(PostKind.inferred(fromTitle: "Giám đốc Sở") == nil)
  }
}
