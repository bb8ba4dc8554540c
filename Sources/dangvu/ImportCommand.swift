import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

extension ImportFileKind: ExpressibleByArgument {}

struct ImportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Read a CSV file of organisations, members, events, population, inspections, discipline, appeals or complaints.",
    discussion: """
      The columns of each kind of file are in docs/import-formats.md. Files may be UTF-8 with or
      without BOM, separated by commas or semicolons, with dates as dd/mm/yyyy or yyyy-mm-dd.
      A file with any bad row is refused whole: every bad row is listed with its line and column,
      and nothing of the file is written. Import organisations first, then members, then events;
      inspections, discipline (then appeals) and complaints name members by party card number.
      """)

  @OptionGroup var store: StoreOptions
  @Argument(
    help:
      "What the file holds: organisations, members, events, population, inspections, discipline, appeals, complaints.")
  var kind: ImportFileKind
  @Argument(help: "The CSV file to read.")
  var file: String

  func run() async throws {
    let bytes: [UInt8]
    do {
      bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
    } catch {
      throw fail(DomainError("import.cannotRead", "Không đọc được tệp \(file); hãy kiểm tra đường dẫn."))
    }
    do {
      let count = try await kind.importing(bytes, into: store.open())
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
