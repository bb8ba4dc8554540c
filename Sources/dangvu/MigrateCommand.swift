import ArgumentParser
import DangVuCore
import DangVuPostgres
import DangVuStore
import Foundation

/// `dangvu migrate --from FILE.sqlite --to postgres://…`: a province's file moved into a central PostgreSQL database
/// (issue 23 part 5, docs/deployment.md), everything in it — tree, register and histories, grades, oversight,
/// accounts, the audit chain with its hashes — in one transaction, then checked.
struct MigrateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Copy a SQLite file into an empty PostgreSQL database, then check both hold the same.",
    discussion: """
      Stop the server that uses the file first: the command refuses a file another process has open. The \
      PostgreSQL database must be new (no units, members, accounts or audit entries); it gets everything or, on \
      any refusal, nothing. Afterwards the audit chain is verified on PostgreSQL and must end at the file's last \
      entry and hash.
      """)

  @Option(help: ArgumentHelp("The SQLite file to copy.", valueName: "FILE"))
  var from: String
  @Option(
    help: ArgumentHelp("The PostgreSQL database to copy into.", valueName: "postgres://USER:PASSWORD@HOST:PORT/NAME"))
  var to: String
  @Option(
    name: .customLong("check-years"),
    help: ArgumentHelp(
      "The years whose reports are compared on both databases afterwards, every unit each year (default: the last "
        + "five years to this one).", valueName: "FROM-TO"))
  var checkYears: String?

  /// The years to compare: `--check-years`, or the five years to `today`'s.
  func years(today: Day) throws -> ClosedRange<Int> {
    guard let checkYears else { return (today.year - 4)...today.year }
    let parts = checkYears.split(separator: "-").map { Int($0) }
    guard parts.count == 2, let first = parts[0], let last = parts[1], first <= last,
      ReportPeriod.reportedYears.contains(first), ReportPeriod.reportedYears.contains(last)
    else {
      throw DomainError("migrate.badYears", "--check-years \(checkYears): cần dạng NĂM-NĂM, ví dụ 2021-2026.")
    }
    return first...last
  }

  func validate() throws {
    guard case .postgres = try? DatabaseAddress(to) else {
      throw ValidationError("--to \(to): cần một địa chỉ PostgreSQL dạng postgres://NGƯỜI_DÙNG:MẬT_KHẨU@MÁY:CỔNG/TÊN.")
    }
  }

  func run() async throws {
    do {
      guard FileManager.default.fileExists(atPath: from) else {
        throw DomainError("migrate.noFile", "Không có tệp \(from).")
      }
      guard !DatabaseFileUse.isOpenElsewhere(from) else {
        throw DomainError(
          "migrate.fileInUse",
          "Tệp \(from) đang được một tiến trình khác mở (máy chủ?): hãy dừng nó trước khi chép, để bản chép là một "
            + "thời điểm.")
      }
      guard case .postgres(let location) = try DatabaseAddress(to) else { return }
      let years = try years(today: Day.today)
      let source = try SQLiteStore(path: from)
      let trail = try await source.verifyAuditChain()
      guard trail.isIntact else {
        throw DomainError(
          "migrate.brokenTrail",
          "Chuỗi nhật ký trong tệp \(from) bị phá vỡ (dangvu audit verify): không chép một nhật ký hỏng.")
      }
      let target = try await PostgresStore.open(location)
      do {
        let bar = ProgressBar()
        let summary = try await target.copyIn(from: source) { bar.update($0) }
        bar.finish()
        let copied = try await target.verifyAuditChain()
        guard copied.isIntact, copied.lastSequence == trail.lastSequence, copied.lastHash == trail.lastHash else {
          throw DomainError(
            "migrate.trailDiffers",
            "Nhật ký trên PostgreSQL không khớp tệp sau khi chép (mục cuối #\(copied.lastSequence ?? 0) so với "
              + "#\(trail.lastSequence ?? 0)).")
        }
        print(Self.report(summary, trail: copied, from: from, to: location))
        let compared = try await ReportEquality.compare(source, target, years: years) { bar.update($0) }
        bar.finish()
        guard compared.differences.isEmpty else {
          let shown = compared.differences.prefix(20).map(\.description).joined(separator: "; ")
          throw DomainError(
            "migrate.reportsDiffer",
            "\(compared.differences.count) báo cáo khác nhau giữa tệp và PostgreSQL sau khi chép (\(shown)): đừng dùng "
              + "cơ sở dữ liệu này; hãy báo người phát triển kèm danh sách trên.")
        }
        print(
          "Đã so sánh \(VietnameseNumber.count(compared.compared)) báo cáo (đảng viên, đánh giá, kiểm tra của mọi tổ chức, "
            + "các năm \(years.lowerBound)–\(years.upperBound)): trùng khớp trên cả hai cơ sở dữ liệu.")
        await target.close()
      } catch {
        await target.close()
        throw error
      }
    } catch { throw fail(error) }
  }

  static func report(_ summary: CopySummary, trail: AuditVerification, from: String, to: PostgresLocation) -> String {
    let n = VietnameseNumber.count
    var lines = [
      "Đã chép \(from) sang PostgreSQL \(to): \(n(summary.tables.map(\.rows).reduce(0, +))) dòng trong "
        + "\(n(summary.tables.count)) bảng; nhật ký \(n(trail.entriesChecked)) mục, chuỗi băm toàn vẹn (OK)."
    ]
    for (table, rows) in summary.tables where rows > 0 { lines.append("  \(table): \(n(rows))") }
    if !summary.leftOut.isEmpty {
      lines.append("Không chép (PostgreSQL giữ theo cách của mình):")
      for (table, reason) in summary.leftOut { lines.append("  \(table): \(reason)") }
    }
    return lines.joined(separator: "\n")
  }
}
