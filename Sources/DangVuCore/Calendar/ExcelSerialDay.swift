/// Dates as spreadsheets store them: a serial number of days, which a cell's style shows as a date.
///
/// In the 1900 system (Excel's default, and LibreOffice's when it writes XLSX) serial 1 is 1 January 1900,
/// and serial 60 is 29 February 1900, a day that never was: Lotus 1-2-3 took 1900 for a leap year and Excel
/// kept the mistake for compatibility. So serials from 61 on are one more than the true day count, and 60
/// names no day at all. In the 1904 system (old Mac workbooks, `date1904` in the workbook) serial 0 is
/// 1 January 1904.
public enum ExcelSerialDay {
  /// Why a serial is not a day a record may carry.
  public enum Refusal: Error, Equatable, Sendable {
    /// Serial 60 of the 1900 system: 29/02/1900, which does not exist.
    case nonexistentLeapDay
    /// Zero or negative in the 1900 system, not a number, or a year outside `Day.recordedYears`.
    case outOfRange
  }

  /// 31 December 1899: serial 1 is the day after it, up to serial 59 (28 February 1900).
  private static let beforeSerialOne = Day.civil(year: 1899, month: 12, day: 31)
  /// 30 December 1899: from serial 61 (1 March 1900) on, the day is this plus the serial.
  private static let beforeLeapBug = Day.civil(year: 1899, month: 12, day: 30)
  private static let epoch1904 = Day.civil(year: 1904, month: 1, day: 1)

  /// The day a serial stands for; a fraction (a time of day) is dropped.
  public static func day(serial: Double, date1904: Bool = false) -> Result<Day, Refusal> {
    // About ±2.9 million years of days: past this no Int conversion may trap, and no recorded year is near.
    guard serial.isFinite, abs(serial) < 1e9 else { return .failure(.outOfRange) }
    let whole = Int(serial.rounded(.down))
    let day: Day
    if date1904 {
      day = epoch1904.adding(days: whole)
    } else {
      switch whole {
      case ..<1: return .failure(.outOfRange)
      case 60: return .failure(.nonexistentLeapDay)
      case 1..<60: day = beforeSerialOne.adding(days: whole)
      default: day = beforeLeapBug.adding(days: whole)
      }
    }
    guard Day.recordedYears.contains(day.year) else { return .failure(.outOfRange) }
    return .success(day)
  }

  /// The 1900-system serial of a day, as written into a workbook's date cells.
  public static func serial(of day: Day) -> Int {
    let offset = day.daysSinceEpoch - beforeLeapBug.daysSinceEpoch
    // Before 1 March 1900 the serials do not include the phantom 29 February.
    return offset >= 61 ? offset : day.daysSinceEpoch - beforeSerialOne.daysSinceEpoch
  }
}
