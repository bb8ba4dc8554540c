import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

extension ImportFileKind: ExpressibleByArgument {}

struct ImportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Read a CSV file or an Excel workbook (.xlsx) of organisations, members, events, population, inspections, discipline, appeals, complaints or grades.",
    discussion: """
      The columns of each kind of file are in docs/import-formats.md. Files may be UTF-8 with or
      without BOM, separated by commas or semicolons, with dates as dd/mm/yyyy or yyyy-mm-dd.
      A file with any bad row is refused whole: every bad row is listed with its line and column,
      and nothing of the file is written. A workbook (told by its content or its .xlsx name) is read
      from its first sheet, or the one --sheet names, with the same columns and checks; its errors
      name the sheet and cell (Sheet1!F12). Import organisations first, then members, then events;
      inspections, discipline (then appeals) and complaints name members by party card number.
      --check reads and checks the whole file and writes nothing. Members files also get warnings
      (never refusals) of probable duplicates: the same folded name and birth date as a member
      already registered or another row, or a national ID one digit away from another. A written
      import is one entry in the audit trail (file name, SHA-256, rows) under the operating-system
      user, written in the same transaction as the rows: an entry that cannot be written refuses
      the file.
      """)

  @OptionGroup var store: StoreOptions
  @Argument(
    help:
      "What the file holds: \(ImportFileKind.allCases.map(\.rawValue).joined(separator: ", ")).")
  var kind: ImportFileKind
  @Argument(help: "The CSV file or XLSX workbook to read.")
  var file: String
  @Option(help: "Workbook only: the sheet to read (default: the first).")
  var sheet: String?
  @Option(help: "Grades only: the year of the evaluation cycle.")
  var year: Int?
  @Flag(help: "Check the file and show what would be written, writing nothing.")
  var check = false

  func run() async throws {
    let bytes: [UInt8]
    do {
      bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
    } catch {
      throw fail(DomainError("import.cannotRead", "Không đọc được tệp \(file); hãy kiểm tra đường dẫn."))
    }
    let name = URL(fileURLWithPath: file).lastPathComponent
    let bar = ProgressBar()
    let outcome: ImportOutcome
    do {
      // A workbook by its content, or by its name (a damaged one is then refused as a workbook, not as CSV).
      let workbook = ImportFileKind.isWorkbook(bytes) || file.lowercased().hasSuffix(".xlsx")
      let run = ImportRun(
        writes: !check, year: year, sheet: sheet, audit: (.commandLineUser, name), progress: bar.update)
      outcome = try await kind.run(file: bytes, asWorkbook: workbook, run, into: store.open())
      bar.finish()
    } catch {
      bar.finish()
      throw fail(error)
    }
    for warning in outcome.warnings.prefix(ImportError.printedLimit) {
      FileHandleOutput.standardError.write("Lưu ý: \(warning)\n")
    }
    if outcome.warnings.count > ImportError.printedLimit {
      let more = VietnameseNumber.count(outcome.warnings.count - ImportError.printedLimit)
      FileHandleOutput.standardError.write("… và \(more) lưu ý khác.\n")
    }
    guard outcome.isAccepted else {
      FileHandleOutput.standardError.write("Không nhập tệp \(file).\n\(ImportError(outcome.issues))\n")
      throw ExitCode.failure
    }
    let rows = "\(VietnameseNumber.count(outcome.rows)) \(kind.rowNounVi)"
    print(check ? "Tệp \(name) hợp lệ: \(rows) sẽ được ghi (chưa ghi gì)." : "Đã nhập \(rows) từ \(name).")
  }
}
