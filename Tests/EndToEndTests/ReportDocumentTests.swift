import Foundation
import Testing

/// `dangvu report … --format docx` on a small demo province, read back with python-docx
/// (scripts/check-report-docx.py): the Party document's header, title, the narrative word for word as
/// `--format text` prints it, the table cells against `--format csv`, fonts and margins.
@Suite(.serialized) struct ReportDocumentTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// python-docx reads the file; scripts/test.sh installs it (ensure_python_module docx python-docx).
  func pythonDocx(_ arguments: [String]) throws -> (status: Int32, out: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["python3", Self.repository.appendingPathComponent("scripts/check-report-docx.py").path]
      + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func eachReportIsAPartyDocumentThatSaysWhatTheTextAndTablesSay() throws {
    let dir = try DangVuBinary.scratch()
    let demo = try DangVuBinary.run(["demo", "--members", "2000", "--grade-years", "2023"], in: dir)
    #expect(demo.status == 0, "\(demo.err)")
    let reports: [(String, [String])] = [
      ("evaluation", ["--year", "2023"]), ("membership", ["--period", "2023"]), ("oversight", ["--period", "2023"]),
    ]
    for (kind, period) in reports {
      let base = ["report", kind] + period
      let text = try DangVuBinary.run(base + ["--format", "text", "--output", "\(kind).txt"], in: dir)
      let csv = try DangVuBinary.run(base + ["--format", "csv", "--output", "\(kind).csv"], in: dir)
      let word = try DangVuBinary.run(
        base + ["--format", "docx", "--output", "\(kind).docx", "--signer-name", "Nguyễn Văn A"], in: dir)
      #expect([text.status, csv.status, word.status] == [0, 0, 0], "\(kind): \(word.err)")
      let checked = try pythonDocx(
        [kind] + ["docx", "txt", "csv"].map { dir.appendingPathComponent("\(kind).\($0)").path })
      #expect(checked.status == 0, "\(kind): \(checked.out)")
      #expect(checked.out == "ok\n")
    }
  }

  @Test func aWordDocumentNeedsAFileAndAPlainNumber() throws {
    let dir = try DangVuBinary.scratch()
    #expect(try DangVuBinary.run(["demo", "--members", "500", "--grade-years", ""], in: dir).status == 0)
    let toTerminal = try DangVuBinary.run(["report", "membership", "--period", "2023", "--format", "docx"], in: dir)
    #expect(toTerminal.status != 0)
    #expect(toTerminal.err.contains("Định dạng docx cần --output"))
    let badNumber = try DangVuBinary.run(
      ["report", "membership", "--period", "2023", "--format", "docx", "--output", "x.docx", "--number", "12/BC"],
      in: dir)
    #expect(badNumber.status != 0)
    #expect(badNumber.err.contains("Số văn bản"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.docx").path))
  }
}
