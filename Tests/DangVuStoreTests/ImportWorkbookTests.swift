import DangVuCore
import DangVuTestFixtures
import Foundation
import Testing

@testable import DangVuStore

@Suite("Import: XLSX workbooks written by other programs")
struct ImportWorkbookTests {
  @Test func readsTheNamedSheetWithDatesAsSerialsOrTextAndCodesKeepingTheirZeros() async throws {
    let store = try await ImportProvince.store()
    let file = try WorkbookFixture.bytes("members-second-sheet.xlsx")
    #expect(try await ImportFileKind.members.importing(workbook: file, sheet: "Đảng viên", into: store) == 2)
    let an = try #require(try await store.member(cardNumber: "00012345"))
    #expect(an.fullName == "Nguyễn Văn An")
    #expect(an.birthDate == day("1975-03-15"))
    #expect(an.nationalID == "091075000001")
    let lan = try #require(try await store.member(cardNumber: "10000002"))
    #expect(lan.birthDate == day("1980-07-02"))
    let register = try await store.register(of: "KG", on: day("2002-01-01"))
    #expect(register.first { $0.member.partyCardNumber == "00012345" }?.standing == .official)
  }

  @Test func theFirstSheetIsReadWhenNoneIsNamed() async throws {
    let store = try await ImportProvince.store()
    let issues = try await refusedWorkbookIssues(
      .members, try WorkbookFixture.bytes("members-second-sheet.xlsx"), into: store)
    // The notes sheet's one cell is read as a header naming no column of the members file.
    #expect(issues.contains { $0.cell == "'Hướng dẫn'!A1" && $0.message.contains("không phải cột") })
  }

  @Test func anUnknownSheetNameListsTheSheets() async throws {
    let store = try await ImportProvince.store()
    let issues = try await refusedWorkbookIssues(
      .members, try WorkbookFixture.bytes("members-second-sheet.xlsx"), sheet: "Sheet9", into: store)
    #expect(issues.map(\.message) == ["sổ tính không có trang \"Sheet9\"; các trang có: \"Hướng dẫn\", \"Đảng viên\"."])
  }

  @Test func aSheetNameMatchesWithoutMarksOrCase() async throws {
    let store = try await ImportProvince.store()
    let file = try WorkbookFixture.bytes("members-second-sheet.xlsx")
    #expect(try await ImportFileKind.members.importing(workbook: file, sheet: "dang vien", into: store) == 2)
  }

  @Test func aNationalIDExcelTurnedIntoANumberIsRefusedAtItsCell() async throws {
    let store = try await ImportProvince.store()
    let issues = try await refusedWorkbookIssues(
      .members, try WorkbookFixture.bytes("members-number-id.xlsx"), into: store)
    #expect(issues.count == 1)
    let issue = try #require(issues.first)
    #expect(issue.cell == "Sheet1!F3")
    #expect(issue.column == "Số CCCD")
    #expect(issue.message.contains("91080000002, 11 chữ số"))
    #expect(issue.description.hasPrefix("ô Sheet1!F3 (cột Số CCCD): số căn cước phải có 12 chữ số"))
  }

  @Test func aMergedHeaderIsRefusedNamingTheRange() async throws {
    let store = try await ImportProvince.store()
    let issues = try await refusedWorkbookIssues(
      .members, try WorkbookFixture.bytes("members-merged-header.xlsx"), into: store)
    #expect(issues.map(\.cell) == ["Sheet1!A1"])
    #expect(issues.first?.message.hasPrefix("ô gộp A1:B1 ở dòng tiêu đề") == true)
  }

  @Test func aFormulaWithoutItsValueAndTheNonexistentLeapDayAreRefusedAtTheirCells() async throws {
    let store = try await ImportProvince.store()
    let issues = try await refusedWorkbookIssues(
      .members, try WorkbookFixture.bytes("members-formula-leap.xlsx"), into: store)
    #expect(issues.map(\.cell) == ["Sheet1!B2", "Sheet1!D3"])
    #expect(issues[0].message.contains("công thức nhưng không có giá trị đã tính"))
    #expect(issues[1].message.contains("29/02/1900 không có thật"))
  }

  @Test func anEmptySheetIsRefused() async throws {
    let store = try await ImportProvince.store()
    let issues = try await refusedWorkbookIssues(.members, try WorkbookFixture.bytes("empty-sheet.xlsx"), into: store)
    #expect(
      issues.map(\.description) == [
        "trang Trống: trang tính trống: không có dòng tiêu đề. Dòng đầu tiên có dữ liệu phải ghi tên các cột."
      ])
  }

  @Test func numbersStoredAsNumbersOrAsTextReadTheSame() async throws {
    let store = try await ImportProvince.store()
    let file = try WorkbookFixture.bytes("population-numbers.xlsx")
    #expect(try await ImportFileKind.population.importing(workbook: file, into: store) == 2)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-pop-\(UUID().uuidString).csv").path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    _ = try await PopulationFile.export(from: store, years: 2022...2023, to: handle)
    try handle.close()
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(
      String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        == "ma_to_chuc,nam,dan_so\nKG,2022,1723067\nKG,2023,1730000\n")
  }

  @Test func aWorkbookLaidOutAsExcelSavesItReads() async throws {
    // Shared strings with rich-text runs and a phonetic guide, custom and built-in date styles, `x:` prefixes.
    let store = try await ImportProvince.store()
    let file = try WorkbookFixture.bytes("members-excel-style.xlsx")
    #expect(try await ImportFileKind.members.importing(workbook: file, into: store) == 1)
    let an = try #require(try await store.member(cardNumber: "10000001"))
    #expect(an.fullName == "Nguyễn Văn An")
    #expect(an.birthDate == day("1975-03-15"))
  }

  @Test func theSameBadRowReadsTheSameThroughCSVAndXLSXApartFromThePlace() async throws {
    let csv = """
      Số thẻ,Họ tên,Giới tính,Ngày sinh,Dân tộc,Số CCCD,Mã chi bộ,Ngày kết nạp,Ngày chính thức
      10000001,Nguyễn Văn An,Nam,15/03/1975,Kinh,091075000001,KG.01.001.01,19/05/2000,
      10000002,Đặng Thị Lan,X,31/02/1980,Khmer,,KG.01.002,03/03/2005,

      """
    let store = try await ImportProvince.store()
    let fromCSV = try await refusedIssues(.members, bytes(csv), into: store)
    let fromXLSX = try await refusedWorkbookIssues(
      .members, try WorkbookFixture.bytes("members-bad-row.xlsx"), into: store)
    #expect(fromCSV.count == 2)
    #expect(fromXLSX.map(\.message) == fromCSV.map(\.message))
    #expect(fromCSV.map(\.place) == ["dòng 3, cột Giới tính", "dòng 3, cột Ngày sinh"])
    #expect(fromXLSX.map(\.place) == ["ô Sheet1!C3 (cột Giới tính)", "ô Sheet1!D3 (cột Ngày sinh)"])
  }

  @Test func aCSVFileIsNotTakenForAWorkbook() async throws {
    #expect(!ImportFileKind.isWorkbook(bytes(ImportProvince.twoMembers)))
    #expect(ImportFileKind.isWorkbook(try WorkbookFixture.bytes("members-number-id.xlsx")))
    let store = try await ImportProvince.store()
    #expect(try await ImportFileKind.members.importing(file: bytes(ImportProvince.twoMembers), into: store) == 2)
  }

  @Test func aCSVFileReadAsAWorkbookIsRefusedSayingWhatItIs() async throws {
    let store = try await ImportProvince.store()
    let issues = try await refusedWorkbookIssues(.members, bytes(ImportProvince.twoMembers), into: store)
    #expect(issues.first?.message.hasPrefix("tệp không phải sổ tính Excel (.xlsx) đọc được") == true)
  }

  @Test func aDataCellUnderNoHeaderIsRefused() async throws {
    // Columns D and E have no header; E2 holds something all the same.
    let sheet = WorkbookSheet(
      name: "Dân số", columns: ["ma_to_chuc", "nam", "dan_so", "", ""].map { WorkbookSheet.Column(header: $0) },
      rows: [[.text("KG"), .integer(2023), .integer(5), .empty, .text("thừa")]])
    let store = try await ImportProvince.store()
    let issues = try await refusedWorkbookIssues(.population, try WorkbookWriter.bytes([sheet]), into: store)
    #expect(issues.map(\.cell) == ["'Dân số'!E2"])
  }

  @Test func aSheetOfMoreThanTenMegabytesReads() throws {
    // libxml2 refuses a document over 10 MB handed to it in one piece; a province's sheet is 50 MB or more.
    let rows = (0..<150_000).map { n -> [WorkbookCell] in [.text("KG.\(n)"), .integer(2023), .integer(n)] }
    let sheet = WorkbookSheet(
      name: "Dân số", columns: ["ma_to_chuc", "nam", "dan_so"].map { WorkbookSheet.Column(header: $0) }, rows: rows)
    #expect(WorkbookWriter.worksheet(sheet).count > 10_000_000)
    let (content, _) = try WorkbookReader.sheet(in: try WorkbookWriter.bytes([sheet]), named: nil)
    #expect(content.rows.count == 150_001)
    #expect(content.rows.last?.cells.count == 3)
  }
}
