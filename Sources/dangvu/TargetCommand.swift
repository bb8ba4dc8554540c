import ArgumentParser
import DangVuCore
import DangVuStore

/// `dangvu target …`: the targets reports are read against (chỉ tiêu of a resolution), as records with their
/// unit, years and source. The page /chi-tieu does the same for organisation staff and administrators.
struct TargetCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "target", abstract: "Targets of the reports: list, add, remove.",
    subcommands: [List.self, Add.self, Remove.self], defaultSubcommand: List.self)

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every stored target.")
    @OptionGroup var store: StoreOptions

    func run() async throws {
      do {
        let targets = try await store.open().reportTargets()
        if targets.isEmpty { print("Chưa có chỉ tiêu nào.") }
        for t in targets {
          print(
            "\(t.id ?? 0)\t\(t.measure.rawValue)\t\(t.scopeCode ?? "chung")\t\(t.years.lowerBound)-\(t.years.upperBound)"
              + "\t\(t.valueVi)\t\(t.source)")
        }
      } catch { throw fail(error) }
    }
  }

  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add a target: admissions a year (--low and --high) or the share good or above (--low, in %).")
    @OptionGroup var store: StoreOptions
    @Option(help: "admissionsPerYear or goodOrAbovePercent.") var measure: String
    @Option(help: "The unit it binds; leave out for a central target binding every unit.") var org: String?
    @Option(help: "First year, e.g. 2022.") var from: Int
    @Option(help: "Last year, e.g. 2025.") var until: Int
    @Option(help: "The band's bottom, or the share in %.") var low: Int
    @Option(help: "The band's top (admissions only).") var high: Int?
    @Option(help: "The resolution, e.g. \"Nghị quyết số 21-NQ/TW\".") var source: String

    func run() async throws {
      do {
        guard let kind = ReportTarget.Measure(rawValue: measure) else {
          throw DomainError(
            "target.measure",
            "Loại chỉ tiêu “\(measure)” không có; các loại: "
              + ReportTarget.Measure.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let target = try ReportTarget(
          measure: kind, scopeCode: org, years: try ReportTarget.years(from: from, until: until), low: low, high: high,
          source: source)
        let saved = try await store.open().addReportTarget(target, by: .commandLineUser)
        print("Đã thêm chỉ tiêu số \(saved.id ?? 0): \(saved.measure.nameVi) \(saved.valueVi) (\(saved.source)).")
      } catch { throw fail(error) }
    }
  }

  struct Remove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove a target by its number.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The target's number (dangvu target list).") var id: Int64

    func run() async throws {
      do {
        let removed = try await store.open().removeReportTarget(id: id, by: .commandLineUser)
        print("Đã xóa chỉ tiêu số \(id): \(removed.measure.nameVi) \(removed.valueVi).")
      } catch { throw fail(error) }
    }
  }
}
