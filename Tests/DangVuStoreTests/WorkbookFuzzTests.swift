import DangVuCore
import Foundation
import Testing
import ZIPFoundation

@testable import DangVuStore

/// A damaged or hostile workbook is refused with a message, never a crash, and writes nothing.
@Suite("XLSX: mutated workbooks")
struct WorkbookFuzzTests {
  /// Every outcome but a crash is fine here: refused with issues, or (rarely) read.
  static func survives(_ file: [UInt8], store: some PartyStore) async throws {
    let before = try await store.statistics()
    do {
      _ = try await ImportFileKind.members.importing(workbook: file, into: store)
    } catch let error as ImportError {
      #expect(!error.issues.isEmpty)
      #expect(try await store.statistics() == before)
    }
  }

  @Test func bytesFlippedOrCutAnywhereNeverStopTheProcess() async throws {
    let store = try await ImportProvince.store()
    let original = try WorkbookFixture.bytes("members-second-sheet.xlsx")
    var generator = SystemRandomNumberGenerator()
    for round in 0..<120 {
      var file = original
      if round % 4 == 0 {
        file = Array(file.prefix(Int.random(in: 0..<file.count, using: &generator)))
      } else {
        for _ in 0..<(1 + round % 5) {
          file[Int.random(in: 0..<file.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
        }
      }
      try await Self.survives(file, store: store)
    }
  }

  /// A workbook whose sheet part is `sheetXML`, the rest well formed.
  static func workbook(sheetXML: String, sharedStrings: String? = nil) throws -> [UInt8] {
    let archive = try Archive(accessMode: .create)
    var parts: [(String, String)] = [
      (
        "_rels/.rels",
        "<Relationships><Relationship Id=\"rId1\" Type=\"x/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
      ),
      ("xl/workbook.xml", "<workbook><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
      (
        "xl/_rels/workbook.xml.rels",
        "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
      ),
      ("xl/worksheets/sheet1.xml", sheetXML),
    ]
    if let sharedStrings { parts.append(("xl/sharedStrings.xml", sharedStrings)) }
    for (path, text) in parts {
      let data = Data(text.utf8)
      try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    return [UInt8](try #require(archive.data))
  }

  @Test(arguments: [
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>99</v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>-1</v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row r=\"1\"><c r=\"ZZZZ1\"><v>1</v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row r=\"1\"><c r=\"A0\"><v>1</v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row r=\"99999999999999999999\"><c><v>1</v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row r=\"2\"><c r=\"A2\"><v>1</v></c></row><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1e400</v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ho_ten</t></is></c></row><row r=\"2\"><c r=\"A2\"><v>nan</v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v>",
    "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>",
    "<worksheet><mergeCells><mergeCell ref=\"A1:XFD1048576\"/><mergeCell ref=\"nonsense\"/></mergeCells></worksheet>",
    "not xml at all",
    "",
  ])
  func oddSheetXMLIsRefusedOrReadNeverCrashes(_ sheetXML: String) async throws {
    let store = try await ImportProvince.store()
    try await Self.survives(try Self.workbook(sheetXML: sheetXML), store: store)
  }

  @Test func aSharedStringIndexPastTheEndIsRefusedAtItsCell() async throws {
    let sheet = """
      <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ma_to_chuc</t></is></c>\
      <c r="B1" t="inlineStr"><is><t>nam</t></is></c><c r="C1" t="inlineStr"><is><t>dan_so</t></is></c></row>\
      <row r="2"><c r="A2" t="s"><v>7</v></c><c r="B2"><v>2023</v></c><c r="C2"><v>5</v></c></row></sheetData></worksheet>
      """
    let store = try await ImportProvince.store()
    let issues = try await refusedWorkbookIssues(
      .population, try Self.workbook(sheetXML: sheet, sharedStrings: "<sst><si><t>KG</t></si></sst>"), into: store)
    #expect(issues.map(\.cell) == ["S!A2"])
  }
}

/// Only plain UTF-8 XML reaches FoundationXML, which stops the process on a name that is not UTF-8.
@Suite struct XMLPartGateTests {
  @Test func partsThatAreNotPlainUTF8NeverReachTheParser() {
    let bad: [[UInt8]] = [
      Array("<?xml version=\"1.0\"?><a\u{FF}/>".utf8).map { $0 == 0xC3 ? 0xFF : $0 },
      [0x3C, 0x61, 0x20, 0x78, 0x3D, 0x22, 0xC3, 0x28, 0x22, 0x2F, 0x3E],  // <a x="\xC3(" />: broken UTF-8
      Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>".utf8),
      Array("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY b \"c\">]><a>&b;</a>".utf8),
      [0xFF, 0xFE, 0x3C, 0x00, 0x61, 0x00, 0x2F, 0x00, 0x3E, 0x00],  // UTF-16
    ]
    for bytes in bad {
      #expect(!XMLEvents.isPlainUTF8(Data(bytes)))
      #expect(!XMLEvents.parse(Data(bytes), start: { _, _, _ in }))
    }
    #expect(XMLEvents.isPlainUTF8(Data("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><a/>".utf8)))
    #expect(XMLEvents.parse(Data("<a><b>Đặng</b></a>".utf8), start: { _, _, _ in }))
  }
}
