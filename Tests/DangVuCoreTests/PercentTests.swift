import DangVuCore
import Testing

@Suite("Shares and Vietnamese numbers")
struct PercentTests {
  @Test func roundsHalfUpInExactArithmetic() {
    #expect(Percent(7682, of: 56787)!.vietnamese == "13,53")  // 13,5277… — the printed report says 13,52
    #expect(Percent(66, of: 389 + 0)!.vietnamese == "16,97")  // 16,966… — printed 16,96
    #expect(Percent(1, of: 8)!.vietnamese == "12,50")
    #expect(Percent(1, of: 800)!.vietnamese == "0,13")  // 0,125 rounds up
    #expect(Percent(3402, of: 3623)!.vietnamese == "93,90")
    #expect(Percent(1451, of: 1600, decimals: 1)!.vietnamese == "90,7")
  }

  @Test func hasNoShareOfNothing() {
    #expect(Percent(0, of: 0) == nil)
  }

  @Test func groupsThousandsWithDots() {
    #expect(VietnameseNumber.count(56787) == "56.787")
    #expect(VietnameseNumber.count(5_500_000) == "5.500.000")
    #expect(VietnameseNumber.count(999) == "999")
    #expect(VietnameseNumber.count(-271) == "-271")
    #expect(Percent(9152, of: 48805)!.description == "18.75")
  }

  @Test func gradeCountsComputeSharesAsTheReportsDo() {
    let members = GradeCounts(
      excellent: 9152, good: 48805 - 9152, complete: 7682, notComplete: 300, notEvaluated: [.pendingInspection: 454])
    #expect(members.total == 57241)
    #expect(members.shares.evaluated?.vietnamese == "99,21")
    #expect(members.shares.notEvaluated?.vietnamese == "0,79")
    #expect(members.shares.goodOrAbove?.vietnamese == "85,94")
    #expect(members.shares.excellent?.vietnamese == "18,75")
    #expect(members.shares.notComplete?.vietnamese == "0,53")
  }
}
