import DangVuCore
import Foundation
import Testing

@testable import DangVuStore

/// The workbooks made by another program (Fixtures/make_workbooks.py, with openpyxl and Python's zipfile).
enum WorkbookFixture {
  static func bytes(_ name: String) throws -> [UInt8] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return [UInt8](try Data(contentsOf: url))
  }
}

/// Imports a workbook expecting a refusal; checks the store is exactly as before and returns the issues.
func refusedWorkbookIssues(
  _ kind: ImportFileKind, _ file: [UInt8], sheet: String? = nil, into store: some PartyStore,
  sourceLocation: SourceLocation = #_sourceLocation
) async throws -> [ImportIssue] {
  let before = try await store.statistics()
  var issues: [ImportIssue] = []
  do {
    let written = try await kind.importing(workbook: file, sheet: sheet, into: store)
    Issue.record(
      "the workbook was accepted (\(written) rows) but should have been refused", sourceLocation: sourceLocation)
  } catch let error as ImportError {
    issues = error.issues
  }
  #expect(
    try await store.statistics() == before, "a refused workbook must leave the database unchanged",
    sourceLocation: sourceLocation)
  #expect(!issues.isEmpty, sourceLocation: sourceLocation)
  return issues
}

/// A sheet's cells as the text a person reads, row by row (dates as dd/mm/yyyy), for comparing with CSV rows.
func sheetText(_ bytes: [UInt8], sheet: String? = nil) throws -> [[String]] {
  let (content, date1904) = try WorkbookReader.sheet(in: bytes, named: sheet)
  let width = (content.rows.flatMap(\.cells).map(\.column).max() ?? -1) + 1
  return content.rows.map { row in
    var fields = [String](repeating: "", count: width)
    for cell in row.cells {
      if case .success(let text) = SheetDocument<PopulationFile.Column>.field(
        cell.value, kind: .text, column: "", date1904: date1904)
      {
        fields[cell.column] = text
      }
    }
    return fields
  }
}
