import CSV
import Foundation
import Testing

@testable import DangVuStore

/// CSVScanner replaced CSV.swift's reader (decision 0005): it must read every file the same way, and a file
/// read in pieces on several cores must give the same records, line numbers and issues as in one piece.
@Suite("Import: the byte-level CSV reader and reading a file in pieces")
struct ImportCSVPiecesTests {
  /// Records with everything a reader can trip on, in a seeded random order.
  static func awkwardFile(records: Int, seed: UInt64, separator: String = ",", crlf: Bool = false) -> String {
    var state = seed
    func next(_ n: UInt64) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % n)
    }
    let s = separator
    let br = crlf ? "\r\n" : "\n"
    let shapes = [
      "A\(s)Nguyễn Văn An\(s)x", "B\(s)\"hai\ndòng\"\(s)y", "C\(s)\"có \(s) và \"\"ngoặc\"\"\"\(s)z",
      "D\(s)\"ba\r\ndòng\rở đây\"\(s)w", "\(s)\(s)", "", "E\(s)chỉ hai", "F\(s)a\(s)b\(s)c",
      "G\(s)\"lạc\"x ngoặc\"\(s)v", "H\(s)ab\"c\(s)\"\"", "I\(s)\"\nĐ\n\"\(s)\"\"\"\"",
      "J\(s)\"Ánh\"é sau\(s)u", "K\(s)  có khoảng  \(s)\u{00A0}t\u{00A0}",
      "L\(s)\("Đặng Thị Ánh".decomposedStringWithCanonicalMapping)\(s)nfd",
    ]
    var text = "\u{FEFF}ma\(s)ten\(s)ghi_chu" + br
    for i in 0..<records {
      text += "\(i)" + shapes[next(UInt64(shapes.count))] + br
    }
    return text + "Z\(s)\"không đóng ngoặc\n\(s)"
  }

  @Test(arguments: [",", ";"], [false, true])
  func readsAsCSVSwiftDid(separator: String, crlf: Bool) throws {
    let text = Self.awkwardFile(records: 400, seed: 3, separator: separator, crlf: crlf)
    let document = try CSVDocument(bytes: bytes(text), pieces: 1)
    // What CSVDocument made of CSV.swift's records: every record, with its raw fields, in order.
    let reader = try CSVReader(
      string: String(text.dropFirst()), hasHeaderRow: false, trimFields: false,
      delimiter: Unicode.Scalar(separator)!)
    var expected: [[String]] = []
    while let row = reader.next() {
      let fields = row.map { FieldText.clean($0).text }
      if !fields.allSatisfy(\.isEmpty) { expected.append(fields) }
    }
    let read = [document.header] + document.records.map(\.fields)
    #expect(expected.filter { $0.count == 3 } == read)
    #expect(expected.count == read.count + document.issues.count)
  }

  @Test(arguments: [2, 3, 4, 7, 16, 64])
  func givesTheSameRecordsLinesAndIssuesInPieces(pieces: Int) throws {
    for crlf in [false, true] {
      let file = bytes(Self.awkwardFile(records: 300, seed: UInt64(pieces), crlf: crlf))
      let whole = try CSVDocument(bytes: file, pieces: 1)
      let split = try CSVDocument(bytes: file, pieces: pieces)
      #expect(split.header == whole.header)
      #expect(split.records.map(\.fields) == whole.records.map(\.fields))
      #expect(split.records.map(\.line) == whole.records.map(\.line))
      #expect(split.issues == whole.issues)
    }
  }

  @Test func splitsOnlyAtRecordStartsEvenInsideAQuotedLineBreak() throws {
    // Every record is one long quoted field full of line breaks: any naive split lands inside one.
    let field = "\"" + String(repeating: "dòng\n", count: 40) + "\""
    let text = "a,b\n" + (0..<50).map { "\($0),\(field)\n" }.joined()
    let whole = try CSVDocument(bytes: bytes(text), pieces: 1)
    #expect(whole.records.count == 50)
    #expect(whole.records.map(\.line) == (0..<50).map { 2 + 41 * $0 })
    for pieces in [2, 5, 9] {
      let split = try CSVDocument(bytes: bytes(text), pieces: pieces)
      #expect(split.records.map(\.line) == whole.records.map(\.line))
      #expect(split.records.map(\.fields) == whole.records.map(\.fields))
    }
  }

  @Test func aLargeFileIsReadInPiecesWithTheSameResult() throws {
    let file = bytes(Self.awkwardFile(records: 60_000, seed: 11))
    #expect(file.count >= CSVDocument.parallelBytes)
    let automatic = try CSVDocument(bytes: file)
    let whole = try CSVDocument(bytes: file, pieces: 1)
    #expect(automatic.records.map(\.line) == whole.records.map(\.line))
    #expect(automatic.records.map(\.fields) == whole.records.map(\.fields))
    #expect(automatic.issues == whole.issues)
  }

  @Test func findsTheFirstBadByteOfALargeFileInPiecesAsInOne() {
    let file = Array(String(repeating: "Nguyễn Thị Ánh,Kiên Giang\n", count: 40_000).utf8)
    #expect(file.count >= CSVDocument.parallelBytes)
    let quarter = file.count / (ParallelWork.cores * 2)
    // Bad bytes at piece boundaries and inside characters, one at a time and two together.
    for offsets in [[quarter], [quarter + 1], [quarter - 1], [2 * quarter + 2], [5, quarter + 3], [file.count - 1]] {
      var bad = file
      for offset in offsets { bad[offset] = bad[offset] < 0x80 ? 0x80 : 0x41 }
      bad.withUnsafeBufferPointer { buffer in
        let whole = UTF8Validation.firstInvalidByte(in: buffer, from: 0, to: buffer.count)
        #expect(whole != nil)
        #expect(UTF8Validation.firstInvalidByte(in: buffer) == whole)
      }
    }
    file.withUnsafeBufferPointer { #expect(UTF8Validation.firstInvalidByte(in: $0) == nil) }
  }
}
