import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

extension ImportFileKind: ExpressibleByArgument {}

struct ImportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Read a CSV file or an Excel workbook (.xlsx) of organisations, members, events, population, inspections, discipline, appeals or complaints.",
    discussion: """
      The columns of each kind of file are in docs/import-formats.md. Files may be UTF-8 with or
      without BOM, separated by commas or semicolons, with dates as dd/mm/yyyy or yyyy-mm-dd.
      A file with any bad row is refused whole: every bad row is listed with its line and column,
      and nothing of the file is written. A workbook (told by its content or its .xlsx name) is read
      from its first sheet, or the one --sheet names, with the same columns and checks; its errors
      name the sheet and cell (Sheet1!F12). Import organisations first, then members, then events;
      inspections, discipline (then appeals) and complaints name members by party card number.
      """)

  @OptionGroup var store: StoreOptions
  @Argument(
    help:
      "What the file holds: organisations, members, events, population, inspections, discipline, appeals, complaints.")
  var kind: ImportFileKind
  @Argument(help: "The CSV file or XLSX workbook to read.")
  var file: String
  @Option(help: "Workbook only: the sheet to read (default: the first).")
  var sheet: String?

  func run() async throws {
    let bytes: [UInt8]
    do {
      bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
    } catch {
      throw fail(DomainError("import.cannotRead", "Không đọc được tệp \(file); hãy kiểm tra đường dẫn."))
    }
    do {
      // A workbook by its content, or by its name (a damaged one is then refused as a workbook, not as CSV).
      let workbook = ImportFileKind.isWorkbook(bytes) || file.lowercased().hasSuffix(".xlsx")
      let count: Int
      if workbook {
        count = try await kind.importing(workbook: bytes, sheet: sheet, into: store.open())
      } else {
        count = try await kind.importing(bytes, into: store.open())
      }
      let name = URL(fileURLWithPath: file).lastPathComponent
      print("Đã nhập \(VietnameseNumber.count(count)) \(kind.rowNounVi) từ \(name).")
    } catch let refused as ImportError {
      FileHandleOutput.standardError.write("Không nhập tệp \(file).\n\(refused)\n")
      throw ExitCode.failure
    } catch {
      throw fail(error)
    }
  }
}
