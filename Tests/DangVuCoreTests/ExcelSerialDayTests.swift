import Testing

@testable import DangVuCore

@Suite("Excel date serials")
struct ExcelSerialDayTests {
  func day(_ iso: String) -> Day { Day(parsing: iso)! }

  @Test func serialOneIsTheFirstOfJanuary1900AndTheLeapBugShiftsLaterSerialsByOne() {
    #expect(ExcelSerialDay.day(serial: 1) == .success(day("1900-01-01")))
    #expect(ExcelSerialDay.day(serial: 59) == .success(day("1900-02-28")))
    #expect(ExcelSerialDay.day(serial: 60) == .failure(.nonexistentLeapDay))
    #expect(ExcelSerialDay.day(serial: 61) == .success(day("1900-03-01")))
    #expect(ExcelSerialDay.day(serial: 27468) == .success(day("1975-03-15")))
    #expect(ExcelSerialDay.day(serial: 45292) == .success(day("2024-01-01")))
  }

  @Test func aTimeOfDayIsDropped() {
    #expect(ExcelSerialDay.day(serial: 45292.75) == .success(day("2024-01-01")))
  }

  @Test func zeroNegativeHugeAndNotANumberAreRefused() {
    for serial in [0, -5, 1e12, .nan, .infinity, 2_000_000] {
      #expect(ExcelSerialDay.day(serial: serial) == .failure(.outOfRange))
    }
  }

  @Test func the1904SystemCountsFromTheFirstOfJanuary1904() {
    #expect(ExcelSerialDay.day(serial: 0, date1904: true) == .success(day("1904-01-01")))
    #expect(ExcelSerialDay.day(serial: 43830, date1904: true) == .success(day("2024-01-01")))
  }

  @Test func writingAndReadingASerialGiveTheSameDayAcrossTheLeapBug() {
    for iso in ["1900-01-01", "1900-02-28", "1900-03-01", "1975-03-15", "2000-02-29", "2200-12-31"] {
      let serial = ExcelSerialDay.serial(of: day(iso))
      #expect(ExcelSerialDay.day(serial: Double(serial)) == .success(day(iso)), "\(iso) → \(serial)")
    }
    #expect(ExcelSerialDay.serial(of: day("1900-03-01")) == 61)
  }
}
