import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

/// `dangvu demo`: fills an empty database with a synthetic province shaped like Kiên Giang in 2023,
/// or, with more members, a country of such provinces.
struct DemoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Fill an empty database with a demo province: its party units, members and their histories.",
    discussion: """
      The default is shaped like Kiên Giang in its 2023 report: 19 district-level committees, 296 grassroots
      committees, 516 grassroots cells, 19 partial committees, 2,819 subordinate cells and about 62,600 members
      on 31/12/2023 (about 5,400 exempt from activity), with admissions, exits, transfers and exemptions from
      2019 to mid-2025. More members scale the tree in proportion (6,000,000 is a country of 63 provinces).
      The same seed always gives the same data. The database must be empty.
      """)

  @OptionGroup var store: StoreOptions
  @Option(help: "Members in the register on 31/12/2023; the number of units follows.")
  var members: Int = 62_600
  @Option(help: "Seed of the random generator: the same seed gives the same data.")
  var seed: UInt64 = 1
  @Option(help: "Years whose evaluation the demo grades, comma-separated; empty for none.")
  var gradeYears: String = DemoGrades.defaultYears.map(String.init).joined(separator: ",")

  func run() async throws {
    do {
      let years = try YearList.parse(gradeYears, option: "--grade-years")
      let (summary, grades) = try await Self.loadAndGrade(
        into: try store.open(), options: DemoOptions(members: members, seed: seed), years: years)
      let n = VietnameseNumber.count
      print(
        """
        Đã nạp dữ liệu mẫu vào \(store.db) (hạt giống \(seed)) trong \(ProgressBar.format(summary.elapsed)):
          \(n(summary.provinces)) đảng bộ tỉnh, \(n(summary.organisations)) tổ chức đảng (\(n(summary.treeChanges)) lần chuyển hoặc giải thể tổ chức)
          \(n(summary.members)) hồ sơ đảng viên, \(n(summary.events)) sự kiện
          ngày \(summary.referenceDay.vietnamese): \(n(summary.membersOnReferenceDay)) đảng viên, trong đó \(n(summary.exemptOnReferenceDay)) miễn công tác và sinh hoạt đảng
          \(n(summary.admissions)) quyết định kết nạp có người giới thiệu, \(n(summary.moves)) sự kiện chuyển sinh hoạt, \(n(summary.arrivals)) đảng viên từ tỉnh khác chuyển đến, \(n(summary.admissionPlans)) chỉ tiêu kết nạp
          \(n(summary.populationRows)) dòng dân số theo năm
          \(n(grades)) kết quả xếp loại các năm \(years.map(String.init).joined(separator: ", "))
        """)
    } catch {
      throw fail(error)
    }
  }

  /// Loads the demo, then grades its years, each with a progress bar: what `demo` and `serve --demo` both do.
  static func loadAndGrade(into db: SQLiteStore, options: DemoOptions, years: [Int]) async throws -> (
    summary: DemoSummary, grades: Int
  ) {
    let bar = ProgressBar()
    let summary = try await DemoLoader.load(into: db, options: options) { bar.update($0) }
    bar.finish()
    let oversightBar = ProgressBar()
    try await DemoOversightLoader.load(into: db, seed: options.seed) { oversightBar.update($0) }
    oversightBar.finish()
    let gradeBar = ProgressBar()
    let grades = try await DemoGrades.grade(db, years: years, seed: options.seed) { gradeBar.update($0) }
    gradeBar.finish()
    return (summary, grades)
  }
}
