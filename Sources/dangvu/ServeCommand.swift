import ArgumentParser
import DangVuCore
import DangVuDemo
import DangVuStore
import DangVuWeb
import Hummingbird

/// `dangvu serve`: the web pages over the database file; with `--demo`, an empty database gets the
/// demo province first, so a new machine shows something real in one command.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the web pages: the organisation tree on any date, unit pages, member search.",
    discussion: """
      Open http://127.0.0.1:8080/ in a browser. The server listens on the loopback address unless --host \
      says otherwise (--host 0.0.0.0 to be reached from other machines). Stop it with Ctrl+C.

      With --demo, an empty database is first filled with the demo province (as `dangvu demo` does); \
      a database that already holds data is served as it is.
      """)

  @OptionGroup var store: StoreOptions
  @Option(help: "The TCP port to listen on.")
  var port: Int = 8080
  @Option(help: "The address to listen on.")
  var host: String = "127.0.0.1"
  @Option(
    name: .customLong("read-database"),
    help: ArgumentHelp(
      "A streaming replica of the PostgreSQL --database: the JSON reports are computed there whenever it has "
        + "caught up with the primary (on the primary otherwise).", valueName: "URL"))
  var readDatabase: String?
  @Flag(help: "Load the demo province first when the database is empty, and make one account per role.")
  var demo = false
  @Flag(help: "A proxy in front serves HTTPS: mark cookies Secure even on a loopback address.")
  var httpsProxy = false
  @Option(
    name: .customLong("trusted-proxy"),
    help: ArgumentHelp(
      "The address of a proxy in front (repeat for several): its X-Forwarded-For header names the client that "
        + "sign-in attempts are counted against. From any other peer the header is ignored.",
      valueName: "ADDR"))
  var trustedProxies: [String] = []

  func validate() throws {
    guard (1...65535).contains(port) else {
      throw ValidationError("Cổng \(port) không hợp lệ: hãy chọn một số từ 1 đến 65535.")
    }
    if let readDatabase {
      guard case .postgres = try? DatabaseAddress(readDatabase), case .postgres = try? DatabaseAddress(store.db)
      else {
        throw ValidationError(
          "--read-database: một bản sao đọc (replica) của cơ sở dữ liệu PostgreSQL, dạng postgres://…; "
            + "--database cũng phải là PostgreSQL (tệp SQLite không có bản sao đọc).")
      }
    }
    for proxy in trustedProxies where !ClientAddress.looksLikeIPAddress(proxy) {
      throw ValidationError(
        "--trusted-proxy \(proxy): hãy ghi địa chỉ IP của proxy như máy chủ thấy nó, ví dụ 127.0.0.1 hoặc ::1.")
    }
  }

  func run() async throws {
    ServerProcess.prepare()
    let db: any PartyStore
    var replica: (any PartyStore)? = nil
    do {
      if demo {
        let file = try store.openFile(
          for: "serve --demo", onPostgres: "dữ liệu mẫu được nạp vào một tệp SQLite (--database TỆP.sqlite).")
        try await loadDemoIfEmpty(file)
        try await printDemoAccounts(file)
        db = file
      } else {
        db = try await store.open()
      }
      if let readDatabase { replica = try await StoreOptions.open(readDatabase) }
    } catch {
      throw fail(error)
    }
    let app = buildApplication(
      store: db, readReplica: replica, configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
      options: WebOptions(secureCookies: secureCookies, trustedProxies: Set(trustedProxies)))
    say("DangVu đang phục vụ \(store.shown) tại http://\(host):\(port)/ — nhấn Ctrl+C để dừng.")
    do {
      try await app.runService()
    } catch {
      // Most often the port is taken by another program.
      FileHandleOutput.standardError.write(
        "Không chạy được máy chủ tại \(host):\(port). Cổng có thể đang bị dùng; thử --port khác.\n")
      await store.close(db)
      if let replica { await store.close(replica) }
      throw fail(error)
    }
    await store.close(db)
    if let replica { await store.close(replica) }
  }

  /// Cookies go Secure (HTTPS only) unless the server answers only on this machine over plain HTTP,
  /// or --https-proxy says a proxy in front terminates HTTPS.
  var secureCookies: Bool {
    httpsProxy || !["127.0.0.1", "localhost", "::1"].contains(host)
  }

  private func printDemoAccounts(_ db: any PartyStore) async throws {
    let credentials = try await DemoAccounts.ensure(in: db)
    say("Tài khoản mẫu, một cho mỗi vai trò (mật khẩu mới mỗi lần chạy serve --demo):")
    for credential in credentials {
      say(
        "  \(credential.login)\t\(credential.password)\t\(credential.role.nameVi), phạm vi \(credential.scopeCode)")
    }
    say("Đăng nhập tại http://\(host):\(port)/dang-nhap")
  }

  private func loadDemoIfEmpty(_ db: SQLiteStore) async throws {
    let before = try await db.statistics()
    guard before.organisations == 0 && before.members == 0 else {
      say(
        "Cơ sở dữ liệu \(store.db) đã có \(VietnameseNumber.count(before.organisations)) tổ chức và "
          + "\(VietnameseNumber.count(before.members)) đảng viên: dùng dữ liệu này, không nạp dữ liệu mẫu.")
      return
    }
    say("Cơ sở dữ liệu \(store.db) đang trống: nạp tỉnh mẫu trước (chỉ lần đầu).")
    let (summary, _, _) = try await DemoCommand.loadAndGrade(
      into: db, options: DemoOptions(), years: DemoCommand.defaultGradeYears, today: Day.today)
    say(
      "Đã nạp \(VietnameseNumber.count(summary.organisations)) tổ chức đảng và "
        + "\(VietnameseNumber.count(summary.members)) hồ sơ đảng viên trong \(ProgressBar.format(summary.elapsed))."
    )
  }

  /// Straight to standard output: `print` is block-buffered when piped to a log, and these lines
  /// would only appear once the server stops.
  private func say(_ line: String) {
    FileHandleOutput.standardOutput.write(line + "\n")
  }
}
