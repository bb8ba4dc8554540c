import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a register as CSV or XLSX in the format import reads, or a blank workbook to fill in.",
    subcommands: [ExportRegisterCommand.self, ExportTemplateCommand.self],
    defaultSubcommand: ExportRegisterCommand.self)
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
  case csv, xlsx
}

struct ExportRegisterCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "register",
    abstract: "Write organisations, members, events or population as CSV or XLSX, in the format import reads.",
    discussion: """
      CSV files are UTF-8, comma-separated, with ISO dates (yyyy-mm-dd) and a header row; see
      docs/import-formats.md. A workbook (--format xlsx, needs --output) has the same columns, headers
      with their marks, dates as dates and codes as text. Importing the organisations, members and
      events files, in that order, into an empty database rebuilds the register.
      """)

  @OptionGroup var store: StoreOptions
  @Argument(help: "What to write: organisations, members, events or population.")
  var kind: ImportFileKind
  @Option(name: .shortAndLong, help: "The file to write (replaced if it exists). Standard output when left out.")
  var output: String?
  @Option(help: "Population only: the first year to write.")
  var fromYear: Int = 2000
  @Option(help: "Population only: the last year to write (default: this year).")
  var toYear: Int = Day.today.year
  @Option(help: "csv (default) or xlsx (an Excel workbook; needs --output).")
  var format: ExportFormat = .csv

  func run() async throws {
    guard fromYear <= toYear else {
      throw fail(DomainError("export.badYears", "--from-year \(fromYear) phải không lớn hơn --to-year \(toYear)."))
    }
    if [.inspections, .discipline, .appeals, .complaints, .grades].contains(kind) {
      throw fail(
        DomainError(
          "export.notYet",
          "Chưa xuất được tệp \(kind.rawValue); "
            + (kind == .grades
              ? "kết quả xếp loại có ở `dangvu report evaluation --format csv`."
              : "báo cáo kiểm tra, giám sát có ở `dangvu report oversight --format csv`.")
        ))
    }
    if format == .xlsx && output == nil {
      throw fail(DomainError("export.xlsxNeedsOutput", "Sổ tính Excel cần tên tệp: thêm --output TỆP.xlsx."))
    }
    do {
      let partyStore = try await store.open()
      if format == .xlsx, let output {
        FileHandleOutput.standardOutput.write(try await writeWorkbook(from: partyStore, to: output) + "\n")
        return
      }
      let target = try ExportTarget(path: output)
      let summary: String
      do {
        summary = try await write(from: partyStore, to: target.handle)
        try target.commit()
      } catch {
        target.discard()
        throw error
      }
      // With the CSV on standard output, the summary goes to standard error to keep the CSV clean.
      let stream = output == nil ? FileHandleOutput.standardError : FileHandleOutput.standardOutput
      stream.write(summary + "\n")
    } catch {
      throw fail(error)
    }
  }

  /// The workbook holds exactly the rows of the CSV export (written first to a scratch file beside the output),
  /// so both forms import back the same.
  private func writeWorkbook(from store: some PartyStore, to path: String) async throws -> String {
    let scratch = path + ".csv.partial"
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    guard FileManager.default.createFile(atPath: scratch, contents: nil),
      let handle = FileHandle(forWritingAtPath: scratch)
    else {
      throw DomainError("export.cannotWrite", "Không ghi được tệp \(path); hãy kiểm tra thư mục và quyền ghi.")
    }
    let summary = try await write(from: store, to: handle, destination: URL(fileURLWithPath: path).lastPathComponent)
    try handle.close()
    let csv = [UInt8](try Data(contentsOf: URL(fileURLWithPath: scratch)))
    try WholeFile.write(WorkbookWriter.bytes([RegisterWorkbook.sheet(kind, csv: csv)]), to: path)
    return summary
  }

  private func write(from store: some PartyStore, to handle: FileHandle, destination: String? = nil) async throws
    -> String
  {
    let destination = destination ?? output.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "đầu ra chuẩn"
    switch kind {
    case .organisations:
      let n = try await OrganisationsFile.export(from: store, to: handle)
      return "Đã xuất \(VietnameseNumber.count(n)) tổ chức đảng ra \(destination)."
    case .members:
      let bar = ProgressBar()
      defer { bar.finish() }
      let n = try await MembersFile.export(from: store, to: handle, progress: bar.update)
      return "Đã xuất \(VietnameseNumber.count(n)) đảng viên ra \(destination)."
    case .events:
      let bar = ProgressBar()
      defer { bar.finish() }
      let s = try await EventsFile.export(from: store, to: handle, progress: bar.update)
      var text = "Đã xuất \(VietnameseNumber.count(s.rows)) sự kiện ra \(destination)."
      if s.skippedEvents > 0 {
        text +=
          "\nLưu ý: bỏ qua \(VietnameseNumber.count(s.skippedEvents)) sự kiện của "
          + "\(VietnameseNumber.count(s.membersWithoutCard)) đảng viên chưa có số thẻ đảng "
          + "(tệp sự kiện gọi đảng viên theo số thẻ)."
      }
      return text
    case .inspections, .discipline, .appeals, .complaints, .grades, .posts, .collectives:
      return ""
    case .population:
      let n = try await PopulationFile.export(from: store, years: fromYear...toYear, to: handle)
      return "Đã xuất \(VietnameseNumber.count(n)) số liệu dân số (năm \(fromYear)–\(toYear)) ra \(destination)."
    }
  }
}

struct ExportTemplateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write a blank workbook to fill in for one kind of import: headers, an example row, drop-down lists.")

  @Argument(help: "The kind of file: \(ImportFileKind.allCases.map(\.rawValue).joined(separator: ", ")).")
  var kind: ImportFileKind
  @Option(name: .shortAndLong, help: "The workbook to write (.xlsx; replaced if it exists).")
  var output: String

  func run() async throws {
    do {
      try WholeFile.write(ImportTemplate.bytes(kind), to: output)
      print("Đã ghi mẫu nhập \(kind.nameVi) ra \(URL(fileURLWithPath: output).lastPathComponent).")
    } catch { throw fail(error) }
  }
}

/// Where an export goes: standard output, or a file written beside its final name and moved into
/// place only when complete, so a failed export never leaves half a file under the real name.
private struct ExportTarget {
  let handle: FileHandle
  private let path: String?
  private let partial: String?

  init(path: String?) throws {
    guard let path else {
      handle = .standardOutput
      self.path = nil
      partial = nil
      return
    }
    let partial = path + ".partial"
    guard FileManager.default.createFile(atPath: partial, contents: nil),
      let handle = FileHandle(forWritingAtPath: partial)
    else {
      throw DomainError("export.cannotWrite", "Không ghi được tệp \(path); hãy kiểm tra thư mục và quyền ghi.")
    }
    self.handle = handle
    self.path = path
    self.partial = partial
  }

  func commit() throws {
    guard let path, let partial else { return }
    try handle.close()
    if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
    try FileManager.default.moveItem(atPath: partial, toPath: path)
  }

  func discard() {
    guard let partial else { return }
    try? handle.close()
    try? FileManager.default.removeItem(atPath: partial)
  }
}
