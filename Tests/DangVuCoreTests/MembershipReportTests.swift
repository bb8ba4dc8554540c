import DangVuCore
import Testing

@Suite("The membership report's arithmetic")
struct MembershipReportTests {
  @Test func changesAgainstTheSamePeriodReadAsPublished() {
    #expect(RelativeChange(current: 1_451, previous: 1_343)?.vietnamese == "tăng 8%")
    #expect(RelativeChange(current: 1_540, previous: 1_535)?.vietnamese == "tăng 0,3%")
    #expect(RelativeChange(current: 90, previous: 100)?.vietnamese == "giảm 10%")
    #expect(RelativeChange(current: 100, previous: 100)?.vietnamese == "bằng cùng kỳ")
    #expect(RelativeChange(current: 5, previous: 0) == nil)
  }

  @Test func ageBandsHaveTheirEdgesWhereThePartyTablesPutThem() {
    #expect(AgeBand.of(age: 30) == .upTo30 && AgeBand.of(age: 31) == .from31To40)
    #expect(AgeBand.of(age: 70) == .from61To70 && AgeBand.of(age: 71) == .over70)
  }

  @Test func birthMonthKeysGiveExactAgesOnAMonthsLastDay() {
    func facts(born: String) -> MemberStock.Facts {
      MemberStock.Facts(
        standing: .official, exempt: false, inTransit: false, gender: .female, ethnicity: "Khmer",
        religion: "Phật giáo", education: "", birthDate: Day(parsing: born)!)
    }
    let endOfMarch = Day(parsing: "2024-03-31")!
    for born in ["1994-03-31", "1994-04-01", "1993-12-31"] {
      var byMonth = MembershipCounts()
      var byDay = MembershipCounts()
      let monthKeys = MemberStock.keys(facts(born: born))
      let dayKeys = MemberStock.keys(facts(born: born), exactBirthDay: true)
      MemberStock.apply(Dictionary(uniqueKeysWithValues: monthKeys.map { ($0, 1) }), on: endOfMarch, to: &byMonth)
      MemberStock.apply(Dictionary(uniqueKeysWithValues: dayKeys.map { ($0, 1) }), on: endOfMarch, to: &byDay)
      #expect(byMonth.structure == byDay.structure, "born \(born)")
    }
    var counts = MembershipCounts()
    MemberStock.apply(
      Dictionary(uniqueKeysWithValues: MemberStock.keys(facts(born: "1994-04-01")).map { ($0, 1) }), on: endOfMarch,
      to: &counts)
    #expect(counts.official == 1 && counts.structure.women == 1 && counts.structure.ethnicMinority == 1)
    #expect(counts.structure.religious == 1 && counts.structure.ageBands["đến 30 tuổi"] == 1)
    #expect(counts.structure.education["chưa ghi"] == 1)
  }
}
