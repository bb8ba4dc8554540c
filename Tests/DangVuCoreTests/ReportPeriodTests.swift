import DangVuCore
import Testing

@Suite("Report periods")
struct ReportPeriodTests {
  /// Issue 25: a page opens on the year of the latest record up to today, not on an empty year.
  @Test func aPageOpensOnTheYearOfTheLatestRecordUpToToday() throws {
    let today = day("2026-12-07")
    #expect(try ReportPeriod.opening(today: today, lastRecord: day("2023-12-30")) == .year(2023))
    #expect(try ReportPeriod.opening(today: today, lastRecord: day("2026-01-02")) == .year(2026))
    #expect(try ReportPeriod.opening(today: today, lastRecord: nil) == .year(2026))
    // A record dated after today (typed ahead) does not move the page past today's year.
    #expect(try ReportPeriod.opening(today: today, lastRecord: day("2027-03-01")) == .year(2026))
  }

  private func day(_ text: String) -> Day { Day(parsing: text)! }

  @Test func quartersHalvesNineMonthsAndYears() throws {
    let q1 = try ReportPeriod(parsing: "2023-Q1")
    #expect(q1.from == day("2023-01-01") && q1.through == day("2023-03-31"))
    #expect(q1.nameVi == "quý I năm 2023")
    let q4 = try ReportPeriod(parsing: "2024-q4")
    #expect(q4.from == day("2024-10-01") && q4.through == day("2024-12-31"))
    #expect(try ReportPeriod(parsing: "2022-9M").through == day("2022-09-30"))
    #expect(try ReportPeriod(parsing: "2022-9M").nameVi == "9 tháng đầu năm 2022")
    #expect(try ReportPeriod(parsing: "2024-H1").through == day("2024-06-30"))
    let year = try ReportPeriod(parsing: "2023")
    #expect(year.from == day("2023-01-01") && year.through == day("2023-12-31") && year.kind == .year)
  }

  @Test func aTermEndsTheYearBeforeTheNextCongress() throws {
    let term = try ReportPeriod(parsing: "2020-2025")
    #expect(term.from == day("2020-01-01") && term.through == day("2024-12-31"))
    #expect(term.nameVi == "nhiệm kỳ 2020–2025")
    let before = term.sameTimeLastYear
    #expect(before.from == day("2015-01-01") && before.through == day("2019-12-31"))
    #expect(before.nameVi == "nhiệm kỳ 2015–2020")
  }

  @Test func sameTimeLastYearShiftsByOneYearAndClampsLeapDays() throws {
    let range = try ReportPeriod.range(from: day("2024-02-29"), through: day("2024-03-15"))
    let back = range.sameTimeLastYear
    #expect(back.from == day("2023-02-28") && back.through == day("2023-03-15"))
    #expect(try ReportPeriod.quarter(1, of: 2023).sameTimeLastYear == ReportPeriod.quarter(1, of: 2022))
  }

  @Test func refusesWhatItCannotRead() {
    for text in ["Q1-2023", "2023-Q5", "2023-Q", "23", "2025-2020", "2023-10M", ""] {
      #expect(throws: DomainError.self) { try ReportPeriod(parsing: text) }
    }
    #expect(throws: DomainError.self) { try ReportPeriod.range(from: day("2023-05-01"), through: day("2023-04-01")) }
  }

  @Test func containsCountsBothEnds() throws {
    let q1 = try ReportPeriod.quarter(1, of: 2023)
    #expect(q1.contains(day("2023-01-01")) && q1.contains(day("2023-03-31")) && !q1.contains(day("2023-04-01")))
    #expect(q1.end == day("2023-04-01"))
  }

  /// Periods a request or a command line may name: each is refused with a message or gives a period whose
  /// "cùng kỳ" is a day too, never a stopped process.
  @Test(arguments: ["2000-9999", "1899-1905", "1800-2200", "9999", "0000", "1899-Q4", "2201-9M", "2199-2202"])
  func periodsOutsideTheRecordedYearsAreRefused(text: String) {
    #expect(throws: DomainError.self) { try ReportPeriod(parsing: text) }
  }

  @Test func theEdgesOfTheRecordedYearsStillCompareWithAYearEarlier() throws {
    let first = try ReportPeriod.range(from: day("1900-01-01"), through: day("1900-12-31"))
    #expect(first.sameTimeLastYear.from.year == 1899)
    let term = try ReportPeriod(parsing: "1900-2200")
    #expect(term.sameTimeLastYear.from.year == 1600)
    let last = try ReportPeriod(parsing: "2200-Q4")
    #expect(last.end.year == 2201)
    #expect(throws: DomainError.self) { try ReportPeriod.range(from: day("1800-01-01"), through: day("1800-12-31")) }
  }
}
