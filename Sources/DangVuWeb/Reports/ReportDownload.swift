import DangVuCore
import DangVuStore
import Foundation
import Hummingbird

/// A report as a file: the same JSON as `dangvu report … --format json`, the core's CSV rows (as CSV or a
/// workbook), the drafted narrative, or the Word document, with a file name that says which report, period and subtree it is.
struct ReportDownload: ResponseGenerator {
  var format: ReportFormat
  var fileName: String
  var body: ByteBuffer

  init<Report: Encodable>(
    _ report: Report, format: ReportFormat, dialect: CSVText.Dialect = .excel, fileName: String, sheet: String,
    csv: (Report) -> [[String]], text: (Report) -> String, document: (Report) throws -> PartyReportDocument
  ) throws {
    self.format = format
    self.fileName = Self.safeFileName(fileName) + "." + format.rawValue
    switch format {
    case .json: body = ByteBuffer(string: try ReportJSON.text(report))
    case .csv: body = ByteBuffer(string: try CSVText.render(csv(report), dialect: dialect))
    case .txt: body = ByteBuffer(string: text(report))
    case .xlsx: body = ByteBuffer(bytes: try ReportWorkbook.bytes(name: sheet, rows: csv(report)))
    case .docx: body = ByteBuffer(bytes: try WordPackage.data(try document(report)))
    }
  }

  /// A table that is not a report (the register's completeness): CSV or a workbook only.
  init(table rows: [[String]], format: ReportFormat, dialect: CSVText.Dialect, fileName: String, sheet: String) throws {
    self.format = format
    self.fileName = Self.safeFileName(fileName) + "." + format.rawValue
    body =
      format == .xlsx
      ? ByteBuffer(bytes: try ReportWorkbook.bytes(name: sheet, rows: rows))
      : ByteBuffer(string: try CSVText.render(rows, dialect: dialect))
  }

  func response(from request: Request, context: some RequestContext) throws -> Response {
    Response(
      status: .ok,
      headers: [
        .contentType: format.contentType,
        .contentDisposition: "attachment; filename=\"\(fileName)\"",
      ],
      body: .init(byteBuffer: body))
  }

  /// Unit codes are ASCII in practice, but a header must never carry a quote or a line break.
  static func safeFileName(_ name: String) -> String {
    String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
  }
}

/// A report as the JSON API answers it, encoded exactly as the command line prints it.
struct ReportJSON: ResponseGenerator {
  var body: String

  init(_ report: some Encodable) throws { body = try Self.text(report) }

  init(body: String) { self.body = body }

  static func text(_ report: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(report), as: UTF8.self)
  }

  func response(from request: Request, context: some RequestContext) throws -> Response {
    Response(
      status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: body)))
  }
}
