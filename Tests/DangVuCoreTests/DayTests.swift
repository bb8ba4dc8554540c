import DangVuCore
import Testing

@Suite("Days")
struct DayTests {
  @Test func parsesVietnameseAndISODates() {
    #expect(Day(parsing: "31/12/2023") == Day(year: 2023, month: 12, day: 31))
    #expect(Day(parsing: "2023-12-31") == Day(year: 2023, month: 12, day: 31))
    #expect(Day(parsing: "1/2/2024") == Day(year: 2024, month: 2, day: 1))
    #expect(Day(parsing: "29.02.2024") == Day(year: 2024, month: 2, day: 29))
  }

  @Test func refusesImpossibleDates() {
    #expect(Day(parsing: "31/02/1980") == nil)
    #expect(Day(parsing: "29/02/2023") == nil)
    #expect(Day(parsing: "2023-13-01") == nil)
    #expect(Day(parsing: "12/31") == nil)
    #expect(Day(parsing: "hôm qua") == nil)
  }

  @Test func roundTripsThroughDaysSinceEpoch() {
    for text in ["1970-01-01", "1945-09-02", "2000-02-29", "2025-07-01", "2099-12-31"] {
      let day = Day(parsing: text)!
      #expect(day.iso == text)
      #expect(Day(daysSinceEpoch: day.daysSinceEpoch) == day)
    }
    #expect(Day(parsing: "1970-01-02")!.daysSinceEpoch == 1)
  }

  @Test func addsMonthsClampingToMonthEnd() {
    #expect(Day(parsing: "2023-01-31")!.adding(months: 1).iso == "2023-02-28")
    #expect(Day(parsing: "2023-03-15")!.adding(months: 12).iso == "2024-03-15")
  }

  @Test func countsWholeYears() {
    let birth = Day(parsing: "2005-06-10")!
    #expect(birth.wholeYears(until: Day(parsing: "2023-06-09")!) == 17)
    #expect(birth.wholeYears(until: Day(parsing: "2023-06-10")!) == 18)
  }

  @Test func arithmeticStepsPastTheRecordedYearsWithoutStopping() {
    let last = Day(year: 2200, month: 12, day: 31)!
    #expect(last.adding(months: 12 * 10).iso == "2210-12-31")
    let first = Day(year: 1800, month: 1, day: 31)!
    #expect(first.adding(months: -1).iso == "1799-12-31")
    #expect(first.adding(months: -12 * 1801).year == -1)
    #expect(Day.lastDay(ofYear: 9999).year == 9999)
    #expect(Day.firstDay(ofYear: Int.max).year == 1_000_000, "a year no arithmetic can overflow")
    #expect(Day(year: 2201, month: 1, day: 1) == nil, "typed dates stay within the recorded years")
  }
}
