import ArgumentParser
import DangVuCore
import DangVuStore

/// `dangvu check`: every sum the reports read, recomputed from the records and compared.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract:
      "Recompute the kept per-unit, per-period sums from the records and compare (exits non-zero on a difference).",
    discussion: """
      Reports read sums kept current on every write (grades per unit and year, the register per province and
      month, oversight per month, the excellent cap). This recomputes each from the records alone, from one
      snapshot while the server keeps running, and lists any row that differs. Run it after a crash, a
      restore, or from a timer; it reads every grade, span and inspection once.
      """)

  @OptionGroup var store: StoreOptions

  func run() async throws {
    let check: AggregateCheck
    do {
      check = try await store.openFile(
        for: "Kiểm tra số tổng hợp bằng `dangvu check`",
        onPostgres:
          "trên PostgreSQL, các số tổng hợp được giữ bởi cùng giao dịch với hồ sơ; chưa có lệnh kiểm tra riêng."
      ).checkAggregates()
    } catch { throw fail(error) }
    for line in check.linesVi { print(line) }
    guard check.isConsistent else {
      FileHandleOutput.standardError.write(
        "Có số tổng hợp không khớp với hồ sơ: báo cáo đang in sai các số trên. Hãy báo người quản trị hệ thống; "
          + "sao lưu tệp (dangvu backup) trước khi sửa.\n")
      throw ExitCode.failure
    }
    print("Mọi số tổng hợp khớp với tính lại từ hồ sơ (OK).")
  }
}
