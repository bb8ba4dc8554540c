import DangVuCore
import DangVuDemo
import DangVuTestFixtures
import Foundation
import Testing

@testable import DangVuStore

@Suite("XLSX: export → import round trip")
struct WorkbookRoundTripTests {
  /// A register's CSV export as the workbook `dangvu export … --format xlsx` writes.
  static func workbook(_ kind: ImportFileKind, csv: [UInt8]) throws -> [UInt8] {
    try WorkbookWriter.bytes([RegisterWorkbook.sheet(kind, csv: csv)])
  }

  /// Imports the four exports, as workbooks, into an empty store.
  static func importWorkbooks(_ csv: ImportRoundTripTests.Exports) async throws -> SQLiteStore {
    let copy = try SQLiteStore.inMemory()
    _ = try await ImportFileKind.organisations.importing(
      workbook: try workbook(.organisations, csv: csv.organisations), into: copy)
    _ = try await ImportFileKind.members.importing(workbook: try workbook(.members, csv: csv.members), into: copy)
    _ = try await ImportFileKind.events.importing(workbook: try workbook(.events, csv: csv.events), into: copy)
    if csv.population.count > "ma_to_chuc,nam,dan_so\n".utf8.count {
      _ = try await ImportFileKind.population.importing(
        workbook: try workbook(.population, csv: csv.population), into: copy)
    }
    return copy
  }

  @Test func registersExportedAsWorkbooksImportIntoAnEmptyStoreAndExportTheSame() async throws {
    // Quotes, line breaks, a member without a card, an arrival, events of every sort, population figures.
    let source = try await ImportRoundTripTests.richSource()
    let csv = try await ImportRoundTripTests.exports(of: source)
    let copy = try await Self.importWorkbooks(csv)
    // The copy exports, byte for byte, what the source exported: every row, date and code came through.
    #expect(try await ImportRoundTripTests.exports(of: copy) == csv)
    for date in ["2011-01-01", "2019-06-01", "2024-01-01", "2025-06-01"] {
      let before = try await source.register(of: "KG", on: day(date))
      let after = try await copy.register(of: "KG", on: day(date))
      #expect(after.map(\.member.fullName) == before.map(\.member.fullName))
      #expect(after.map(\.standing) == before.map(\.standing))
    }
    #expect(try await copy.member(cardNumber: "10000003")?.homeTown == "Ấp 1,\nxã Bình An")
  }

  /// The demo's files do not carry everything (admission plans; the later events of members without a card),
  /// so the workbooks are held to what the same files as CSV give: the same registers and report figures.
  @Test func aDemoThroughWorkbooksGivesWhatItGivesThroughCSV() async throws {
    let source = try SQLiteStore.inMemory()
    _ = try await DemoLoader.load(into: source, options: DemoOptions(members: 1_500, seed: 7)) { _ in }
    let csv = try await ImportRoundTripTests.exports(of: source)
    let throughCSV = try SQLiteStore.inMemory()
    _ = try await OrganisationsFile.importing(csv.organisations, into: throughCSV)
    _ = try await MembersFile.importing(csv.members, into: throughCSV)
    _ = try await EventsFile.importing(csv.events, into: throughCSV)
    if csv.population.count > "ma_to_chuc,nam,dan_so\n".utf8.count {
      _ = try await PopulationFile.importing(csv.population, into: throughCSV)
    }
    let throughXLSX = try await Self.importWorkbooks(csv)
    #expect(try await throughXLSX.statistics() == (try await throughCSV.statistics()))
    #expect(try await throughXLSX.statistics().members == (try await source.statistics().members))
    #expect(
      try await ImportRoundTripTests.exports(of: throughXLSX)
        == (try await ImportRoundTripTests.exports(of: throughCSV)))
    let root = try #require(try await source.roots(on: Day.today).first?.code)
    for period in [try ReportPeriod.year(2023), try ReportPeriod.year(2024)] {
      let viaCSV = try await throughCSV.membershipReport(scope: root, period: period)
      let viaXLSX = try await throughXLSX.membershipReport(scope: root, period: period)
      #expect(MembershipReportCSV.rows(viaXLSX) == MembershipReportCSV.rows(viaCSV))
    }
  }

  @Test func aRegisterWorkbookHasDatesAsDatesCodesAsTextAndHeadersWithMarks() throws {
    let csv = bytes(
      "so_the,ho_ten,gioi_tinh,ngay_sinh,so_cccd,ma_chi_bo,ngay_ket_nap\n"
        + "00012345,Nguyễn Văn An,Nam,1975-03-15,091075000001,KG.01,2000-05-19\n")
    let sheet = try RegisterWorkbook.sheet(.members, csv: csv)
    #expect(
      sheet.columns.map(\.header) == [
        "Số thẻ", "Họ tên", "Giới tính", "Ngày sinh", "Số CCCD", "Mã chi bộ", "Ngày kết nạp",
      ])
    #expect(sheet.rows[0][0] == .text("00012345"))
    #expect(sheet.rows[0][3] == .date(day("1975-03-15")))
    #expect(sheet.rows[0][4] == .text("091075000001"))
    let xml = String(decoding: WorkbookWriter.worksheet(sheet), as: UTF8.self)
    // 15/03/1975 is serial 27468 in the 1900 system, in the dd/mm/yyyy style (2).
    #expect(xml.contains("<c r=\"D2\" s=\"2\"><v>27468</v></c>"))
    #expect(xml.contains("<col min=\"1\" max=\"1\" width=\"10\" customWidth=\"1\" style=\"3\"/>"))
  }

  @Test func aReportTableHasNumbersAsNumbersSharesWithDecimalsAndThePeriodAsDates() throws {
    let rows = [
      MembershipReportCSV.header,
      ["2024-01-01", "2024-12-31", "KG", "admitted", "1650", "1600", "50", "103.13"],
    ]
    let sheet = ReportWorkbook.sheet(name: "Đảng viên", rows: rows)
    #expect(sheet.columns.map(\.header).prefix(4) == ["Từ ngày", "Đến ngày", "Phạm vi", "Chỉ tiêu"])
    #expect(
      sheet.rows[0] == [
        .date(day("2024-01-01")), .date(day("2024-12-31")), .text("KG"), .text("admitted"), .integer(1650),
        .integer(1600), .integer(50), .decimal(103.13),
      ])
    // Read back, the table says what the CSV says.
    let read = try sheetText(try WorkbookWriter.bytes([sheet]))
    #expect(read[1] == ["01/01/2024", "31/12/2024", "KG", "admitted", "1650", "1600", "50", "103.13"])
  }

  @Test func textThatXMLCannotCarryIsEscapedOrDropped() throws {
    let sheet = WorkbookSheet(
      name: "A & B <1>", columns: [WorkbookSheet.Column(header: "ghi_chu")],
      rows: [[.text("Quyết định \"số 5\" & <kèm>\u{1}")], [.text(" lề ")]])
    let read = try sheetText(try WorkbookWriter.bytes([sheet]))
    #expect(read.map { $0[0] } == ["ghi_chu", "Quyết định \"số 5\" & <kèm>", "lề"])
  }
}
