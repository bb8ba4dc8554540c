import ArgumentParser
import DangVuCore
import DangVuStore

@main
struct DangVu: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dangvu",
    abstract: "DangVu (Đảng vụ): the party-building records of a provincial Party Committee.",
    discussion: """
      Every command works on one database file, ./dangvu.sqlite unless --db says otherwise.
      Start with `dangvu serve --demo` to see a demo province in the browser.
      """,
    subcommands: [
      OrgCommand.self, DemoCommand.self, MembersCommand.self, MembershipCommand.self, GradesCommand.self,
      ReportCommand.self, BenchCommand.self, ImportCommand.self, ExportCommand.self, ServeCommand.self,
      OversightCommand.self, UserCommand.self, AuditCommand.self, BackupCommand.self, RestoreCommand.self,
      CheckCommand.self, TargetCommand.self,
    ])
}

/// The `--db` option every command shares.
struct StoreOptions: ParsableArguments {
  @Option(name: .long, help: "The database file (SQLite). Created when missing.")
  var db: String = "./dangvu.sqlite"

  func open() throws -> SQLiteStore {
    try SQLiteStore(path: db)
  }
}

/// Prints a person-readable error and exits non-zero; domain errors already carry their message.
/// A refused batch item is shown by its own message: the message already names the member or unit.
func fail(_ error: any Error) -> ExitCode {
  let shown = (error as? BatchItemError).map { "\($0.error)" } ?? "\(error)"
  FileHandleOutput.standardError.write("Lỗi: \(shown)\n")
  return .failure
}
