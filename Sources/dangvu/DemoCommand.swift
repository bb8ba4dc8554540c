import ArgumentParser
import DangVuCore
import DangVuDemo
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
      2019 to mid-2025. Then the 2025 reorganisation: on 1 July 2025 the district level ends, commune-level
      committees take the grassroots units and the province goes under the merged An Giang; the records run on
      to today (or --until). More members scale the tree in proportion (6,000,000 is a country of 63 provinces,
      merged into 34). The same seed and day always give the same data. The database must be empty.
      """)

  @OptionGroup var store: StoreOptions
  @Option(help: "Members in the register on 31/12/2023; the number of units follows.")
  var members: Int = 62_600
  @Option(help: "Seed of the random generator: the same seed gives the same data.")
  var seed: UInt64 = 1
  @Option(help: "Years whose evaluation the demo grades, comma-separated; empty for none.")
  var gradeYears: String = defaultGradeYears.map(String.init).joined(separator: ",")
  @Option(help: "The last day of the demo's records (YYYY-MM-DD); today by default.")
  var until: String?

  /// The first era's years and the first year of the new tree.
  static let defaultGradeYears = DemoGrades.defaultYears + [2025]

  func run() async throws {
    do {
      let years = try YearList.parse(gradeYears, option: "--grade-years")
      let day =
        try until.map {
          guard let day = Day(parsing: $0) else {
            throw DomainError("demo.badDay", "--until: \"\($0)\" không phải ngày hợp lệ (ví dụ 2026-12-07).")
          }
          return day
        } ?? Day.today
      let (summary, grades, second) = try await Self.loadAndGrade(
        into: try store.openFile(
          for: "Nạp dữ liệu mẫu",
          onPostgres: "dữ liệu mẫu được nạp hàng loạt vào một tệp SQLite (--database TỆP.sqlite)."),
        options: DemoOptions(members: members, seed: seed), years: years, today: day)
      let n = VietnameseNumber.count
      print(
        """
        Đã nạp dữ liệu mẫu vào \(store.db) (hạt giống \(seed)) trong \(ProgressBar.format(summary.elapsed)):
          \(n(summary.provinces)) đảng bộ tỉnh, \(n(summary.organisations)) tổ chức đảng (\(n(summary.treeChanges)) lần chuyển hoặc giải thể tổ chức)
          \(n(summary.members)) hồ sơ đảng viên, \(n(summary.events)) sự kiện
          ngày \(summary.referenceDay.vietnamese): \(n(summary.membersOnReferenceDay)) đảng viên, trong đó \(n(summary.exemptOnReferenceDay)) miễn công tác và sinh hoạt đảng
          \(n(summary.admissions)) quyết định kết nạp có người giới thiệu, \(n(summary.moves)) sự kiện chuyển sinh hoạt, \(n(summary.arrivals)) đảng viên từ tỉnh khác chuyển đến, \(n(summary.admissionPlans)) chỉ tiêu kết nạp
          \(n(summary.populationRows)) dòng dân số theo năm
          \(n(grades + second.grades)) kết quả xếp loại các năm \(years.map(String.init).joined(separator: ", "))
          sắp xếp ngày 01/7/2025 và hồ sơ đến \(day.vietnamese) trong \(ProgressBar.format(second.elapsed)): \(n(second.newRoots)) đảng bộ tỉnh mới, \(n(second.communes)) đảng bộ xã, phường, \(n(second.unitMoves)) tổ chức chuyển
          từ 01/7/2025: \(n(second.madeOfficial)) công nhận chính thức, \(n(second.admissions)) kết nạp, \(n(second.exits)) ra khỏi Đảng, \(n(second.received)) tiếp nhận sinh hoạt, \(n(second.visits)) lượt kiểm tra, giám sát, \(n(second.decisions)) quyết định kỷ luật
        """)
    } catch {
      throw fail(error)
    }
  }

  /// Loads the demo, then grades its years, each with a progress bar: what `demo` and `serve --demo` both do.
  /// The first era (to mid-2025) is loaded and graded whole before the second era changes the tree; the years
  /// of the second era are graded on the new tree, once their evaluation day has come by `today`.
  static func loadAndGrade(into db: SQLiteStore, options: DemoOptions, years: [Int], today: Day) async throws -> (
    summary: DemoSummary, grades: Int, second: DemoSecondEraLoader.Summary
  ) {
    let newTree = DemoSecondEra.firstDay.year
    let secondYears = years.filter { $0 >= newTree && Day(year: $0, month: 12, day: 15)! <= today }
    let bar = ProgressBar()
    var firstEra = options
    firstEra.secondEraFollows = DemoSecondEra.firstDay <= today
    let summary = try await DemoLoader.load(into: db, options: firstEra) { bar.update($0) }
    bar.finish()
    let oversightBar = ProgressBar()
    try await DemoOversightLoader.load(into: db, seed: options.seed) { oversightBar.update($0) }
    oversightBar.finish()
    let gradeBar = ProgressBar()
    let grades = try await DemoGrades.grade(db, years: years.filter { $0 < newTree }, seed: options.seed) {
      gradeBar.update($0)
    }
    gradeBar.finish()
    let secondBar = ProgressBar()
    let second = try await DemoSecondEraLoader.load(
      into: db, options: options, today: today, gradeYears: secondYears
    ) { secondBar.update($0) }
    secondBar.finish()
    return (summary, grades, second)
  }
}
