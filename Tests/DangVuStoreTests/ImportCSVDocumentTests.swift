import DangVuCore
import Foundation
import Testing

@testable import DangVuStore

@Suite("Import: reading CSV files as spreadsheets save them")
struct ImportCSVDocumentTests {
  @Test func readsBOMSemicolonsQuotedNewlinesAndNFD() throws {
    let nfd = "Nguyễn Thị Ánh".decomposedStringWithCanonicalMapping
    #expect(nfd.unicodeScalars.count > "Nguyễn Thị Ánh".unicodeScalars.count)
    let text = "\u{FEFF}Mã;Tên\n  A1 ;\"\(nfd)\"\nA2;\"hai\r\ndòng\"\nA3;\"có ; và \"\"ngoặc\"\"\"\n"
    let document = try CSVDocument(bytes: bytes(text))
    #expect(document.separator == ";")
    #expect(document.header == ["Mã", "Tên"])
    #expect(
      document.records.map(\.fields) == [
        ["A1", "Nguyễn Thị Ánh"], ["A2", "hai\r\ndòng"], ["A3", "có ; và \"ngoặc\""],
      ])
    #expect(document.records[0].fields[1].unicodeScalars.elementsEqual("Nguyễn Thị Ánh".unicodeScalars))
    // The record after a quoted line break starts one physical line further down.
    #expect(document.records.map(\.line) == [2, 3, 5])
  }

  @Test func countsLinesAcrossBlankLinesAndMultiLineFields() throws {
    let text = "a,b\n1,\"x\ny\nz\"\n\n2,w\n"
    let document = try CSVDocument(bytes: bytes(text))
    #expect(document.records.map(\.line) == [2, 6])
  }

  @Test func reportsEveryRecordWithTheWrongNumberOfColumns() throws {
    let document = try CSVDocument(bytes: bytes("a,b,c\n1,2,3\n1,2\n1,2,3,4\n4,5,6\n"))
    #expect(document.records.map(\.line) == [2, 5])
    #expect(document.issues.map(\.line) == [3, 4])
    #expect(document.issues[0].message.contains("có 2 cột trong khi dòng tiêu đề có 3 cột"))
  }

  @Test func refusesBytesThatAreNotUTF8WithTheLineOfTheFirstBadByte() throws {
    // "Nguy\xEAn" is "Nguyên" in Windows-1258 / Latin-1: a lone 0xEA is not UTF-8.
    var file = bytes("ma,ten\nA1,Hà Nội\nA2,Nguy")
    file += [0xEA, 0x6E]
    file += bytes("\nA3,x\n")
    #expect {
      try CSVDocument(bytes: file)
    } throws: { error in
      guard let issues = (error as? ImportError)?.issues, issues.count == 1 else { return false }
      return issues[0].line == 3 && issues[0].message.contains("UTF-8") && issues[0].message.contains("0xEA")
    }
  }

  @Test func refusesUTF16WithAClearMessage() {
    let file: [UInt8] = [0xFF, 0xFE] + Array("m".utf16).flatMap { [UInt8($0), 0] }
    #expect(throws: ImportError.self) { try CSVDocument(bytes: file) }
  }

  @Test func detectsCommaWhenTheHeaderHasNoSemicolons() throws {
    let document = try CSVDocument(bytes: bytes("a,b\n\"1;2\",3\n"))
    #expect(document.separator == ",")
    #expect(document.records[0].fields == ["1;2", "3"])
  }

  @Test func refusesAnEmptyFile() {
    #expect(throws: ImportError.self) { try CSVDocument(bytes: bytes("\n\n")) }
  }
}

@Suite("Import: matching the header row")
struct ImportHeaderTests {
  @Test func matchesVietnameseAndEnglishNamesIgnoringCaseMarksAndSpaces() throws {
    let header = try Header<MembersFile.Column>([
      "Số thẻ", "HO_TEN", "gender", "Ngày sinh", "Mã chi bộ", "admission_date",
    ])
    #expect(header.has(.cardNumber) && header.has(.fullName) && header.has(.gender))
    #expect(header.has(.birthDate) && header.has(.cellCode) && header.has(.admissionDate))
    #expect(!header.has(.officialDate))
    #expect(header.name(of: .birthDate) == "Ngày sinh")
  }

  @Test func namesEveryMissingRequiredAndUnknownColumn() {
    #expect {
      try Header<MembersFile.Column>(["ho_ten", "gioi_tinh", "ngay_sinh", "ma_chi_bo", "ngay_vao_dang"])
    } throws: { error in
      guard let issues = (error as? ImportError)?.issues else { return false }
      return issues.count == 2
        && issues.contains { $0.line == 1 && $0.column == "ngay_vao_dang" && $0.message.contains("không phải cột") }
        && issues.contains { $0.line == 1 && $0.column == "ngay_ket_nap" && $0.message.contains("thiếu cột bắt buộc") }
    }
  }

  @Test func refusesAColumnGivenTwice() {
    #expect(throws: ImportError.self) {
      try Header<PopulationFile.Column>(["ma_to_chuc", "org_code", "nam", "dan_so"])
    }
  }
}

@Suite("Import: the issue list a person reads")
struct ImportErrorTextTests {
  @Test func printsLineAndColumnAndCutsALongListShort() {
    let issues = (1...250).map {
      ImportIssue(line: $0 + 1, column: "ngay_sinh", "\"31/02/1980\" không phải ngày hợp lệ")
    }
    let text = ImportError(issues).description
    #expect(text.contains("dòng 2, cột ngay_sinh: \"31/02/1980\" không phải ngày hợp lệ"))
    #expect(text.contains("dòng 201, cột ngay_sinh"))
    #expect(!text.contains("dòng 202,"))
    #expect(text.contains("… và 50 lỗi khác"))
  }

  @Test func listsIssuesByLine() {
    let error = ImportError([ImportIssue(line: 9, "b"), ImportIssue(line: 3, "a"), ImportIssue(line: nil, "tệp")])
    #expect(error.issues.map(\.line) == [nil, 3, 9])
  }
}
