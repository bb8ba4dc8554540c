import ArgumentParser
import DangVuCore
import DangVuStore

/// `dangvu backup FILE`: a consistent copy of the database while the server keeps running.
struct BackupCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Copy the database to FILE while it is in use (SQLite's online backup), then check the copy.",
    discussion: """
      The copy is the database as of one moment, whatever the server writes meanwhile. It is checked
      (integrity_check, the audit chain) before it gets its name; a FILE that exists is never overwritten.
      Restore it with `dangvu restore FILE`. See docs/deployment.md for scheduling it.
      """)

  @OptionGroup var store: StoreOptions
  @Argument(help: "The backup file to write.") var file: String

  func run() async throws {
    do {
      let check = try await store.openFile(
        for: "Sao lưu bằng `dangvu backup`",
        onPostgres: "hãy dùng pg_basebackup và lưu trữ WAL (docs/deployment.md)."
      ).backup(to: file)
      print("Đã sao lưu \(store.db) vào \(file): \(check.summaryVi).")
    } catch { throw fail(error) }
  }
}

/// `dangvu restore FILE`: puts a checked backup in place of the database, the old file kept aside.
struct RestoreCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: "Replace the database with a backup FILE, after checking it; the old file is kept aside.",
    discussion: """
      Stop the server first: the command refuses while another process has the database open. The backup
      is checked (integrity_check, the audit chain) before anything is moved; the database it replaces is
      renamed to DB.before-restore-DATE-TIME. Entries written after the backup are not in it: an audit anchor
      made after the backup no longer matches.
      """)

  @OptionGroup var store: StoreOptions
  @Argument(help: "The backup file to restore.") var file: String
  @Flag(help: "Restore even though another process has the database open (restart that server at once).")
  var force = false

  func run() async throws {
    do {
      let target = try store.file(
        for: "Khôi phục bằng `dangvu restore`",
        onPostgres: "hãy khôi phục bằng bản sao lưu cơ sở (pg_basebackup) và WAL (docs/deployment.md).")
      let outcome = try await DatabaseRestore.restore(from: file, to: target, force: force)
      print("Đã khôi phục \(store.db) từ \(file): \(outcome.check.summaryVi).")
      if let aside = outcome.keptAside { print("Cơ sở dữ liệu trước khi khôi phục được giữ ở \(aside).") }
    } catch { throw fail(error) }
  }
}
