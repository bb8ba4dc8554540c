import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write organisations, members, events or population as CSV, in the format import reads.",
    discussion: """
      Files are UTF-8, comma-separated, with ISO dates (yyyy-mm-dd) and a header row; see
      docs/import-formats.md. Importing the organisations, members and events files, in that order,
      into an empty database rebuilds the register.
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

  func run() async throws {
    guard fromYear <= toYear else {
      throw fail(DomainError("export.badYears", "--from-year \(fromYear) phải không lớn hơn --to-year \(toYear)."))
    }
    if [.inspections, .discipline, .appeals, .complaints].contains(kind) {
      throw fail(
        DomainError(
          "export.notYet",
          "Chưa xuất được tệp \(kind.rawValue); báo cáo kiểm tra, giám sát có ở `dangvu report oversight --format csv`."
        ))
    }
    do {
      let partyStore = try store.open()
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

  private func write(from store: some PartyStore, to handle: FileHandle) async throws -> String {
    let destination = output.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "đầu ra chuẩn"
    switch kind {
    case .organisations:
      let n = try await OrganisationsFile.export(from: store, to: handle)
      return "Đã xuất \(VietnameseNumber.count(n)) tổ chức đảng ra \(destination)."
    case .members:
      let n = try await MembersFile.export(from: store, to: handle)
      return "Đã xuất \(VietnameseNumber.count(n)) đảng viên ra \(destination)."
    case .events:
      let s = try await EventsFile.export(from: store, to: handle)
      var text = "Đã xuất \(VietnameseNumber.count(s.rows)) sự kiện ra \(destination)."
      if s.skippedEvents > 0 {
        text +=
          "\nLưu ý: bỏ qua \(VietnameseNumber.count(s.skippedEvents)) sự kiện của "
          + "\(VietnameseNumber.count(s.membersWithoutCard)) đảng viên chưa có số thẻ đảng "
          + "(tệp sự kiện gọi đảng viên theo số thẻ)."
      }
      return text
    case .inspections, .discipline, .appeals, .complaints:
      return ""
    case .population:
      let n = try await PopulationFile.export(from: store, years: fromYear...toYear, to: handle)
      return "Đã xuất \(VietnameseNumber.count(n)) số liệu dân số (năm \(fromYear)–\(toYear)) ra \(destination)."
    }
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
