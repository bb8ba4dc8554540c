import ArgumentParser
import DangVuCore
import DangVuPostgres
import DangVuStore

@main
struct DangVu: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dangvu",
    abstract: "DangVu (Đảng vụ): the party-building records of a provincial Party Committee.",
    discussion: """
      Every command works on one database: the SQLite file ./dangvu.sqlite unless --database names another
      file or a PostgreSQL database (postgres://USER:PASSWORD@HOST:PORT/NAME).
      Start with `dangvu serve --demo` to see a demo province in the browser.
      """,
    subcommands: [
      OrgCommand.self, DemoCommand.self, MembersCommand.self, MembershipCommand.self, GradesCommand.self,
      ReportCommand.self, BenchCommand.self, ImportCommand.self, ExportCommand.self, ServeCommand.self,
      OversightCommand.self, UserCommand.self, AuditCommand.self, BackupCommand.self, RestoreCommand.self,
      CheckCommand.self, TargetCommand.self, MigrateCommand.self,
    ])
}

/// The `--database` option every command shares (`--db` is its older name): a SQLite file, the embedded
/// default, or a PostgreSQL address for a central deployment (docs/deployment.md).
struct StoreOptions: ParsableArguments {
  @Option(
    name: [.customLong("database"), .customLong("db")],
    help: ArgumentHelp(
      "The database: a SQLite file (created when missing) or postgres://USER:PASSWORD@HOST:PORT/NAME.",
      valueName: "FILE|URL"))
  var db: String = "./dangvu.sqlite"

  func validate() throws {
    do {
      _ = try DatabaseAddress(db)
    } catch {
      throw ValidationError("--database \(db): \(error)")
    }
  }

  /// The database as messages name it: a PostgreSQL address without its password.
  var shown: String {
    guard case .postgres(let location) = try? DatabaseAddress(db) else { return db }
    return "PostgreSQL \(location)"
  }

  /// Ends what `open()` opened: a PostgreSQL store's pool is closed and waited for (a SQLite file closes with
  /// its last reference).
  func close(_ store: any PartyStore) async {
    await (store as? PostgresStore)?.close()
  }

  /// The database on either engine, its schema brought up to this version of DangVu.
  func open() async throws -> any PartyStore { try await Self.open(db) }

  static func open(_ db: String) async throws -> any PartyStore {
    switch try DatabaseAddress(db) {
    case .file(let path): return try SQLiteStore(path: path)
    case .postgres(let location): return try await PostgresStore.open(location)
    }
  }

  /// The database when the command's work exists only for a SQLite file (its online backup, its bulk loading):
  /// on a PostgreSQL address, says what to use instead.
  func openFile(for work: String, onPostgres instead: String) throws -> SQLiteStore {
    try SQLiteStore(path: file(for: work, onPostgres: instead))
  }

  /// The SQLite file's path, for work done on the file itself (a restore); on a PostgreSQL address, says what to
  /// use instead.
  func file(for work: String, onPostgres instead: String) throws -> String {
    switch try DatabaseAddress(db) {
    case .file(let path): return path
    case .postgres(let location):
      throw DomainError(
        "database.sqliteOnly", "\(work) chỉ làm trên tệp SQLite, không trên PostgreSQL (\(location)): \(instead)")
    }
  }
}

/// Prints a person-readable error and exits non-zero; domain errors already carry their message.
/// A refused batch item is shown by its own message: the message already names the member or unit.
func fail(_ error: any Error) -> ExitCode {
  let shown = (error as? BatchItemError).map { "\($0.error)" } ?? "\(error)"
  FileHandleOutput.standardError.write("Lỗi: \(shown)\n")
  return .failure
}
