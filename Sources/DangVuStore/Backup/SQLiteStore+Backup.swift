import DangVuCore
import Foundation
import GRDB

extension SQLiteStore {
  /// Copies the database to `path` while it stays in use, then checks the copy (`CopyCheck`).
  ///
  /// SQLite's online backup runs in one step inside one read transaction: under WAL that is a snapshot, so
  /// the copy is the database as of one commit, whatever the server writes meanwhile, and writers never wait.
  /// The copy is made as `path.partial` and renamed only once checked, so a backup killed half-way never
  /// leaves a file that looks whole. The copy is a single file in rollback-journal mode: nothing beside it
  /// to forget; a server opening it turns WAL back on.
  public func backup(to path: String) async throws -> CopyCheck {
    guard !FileManager.default.fileExists(atPath: path) else {
      throw DomainError(
        "backup.exists", "Tệp \(path) đã có: không ghi đè một bản sao lưu. Hãy chọn tên tệp mới (ví dụ có ngày giờ).")
    }
    let partial = path + ".partial"
    DatabaseCopy.remove(partial)
    do {
      let copy = try DatabaseQueue(path: partial)
      try writer.backup(to: copy)
      let check = try await copy.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA journal_mode = DELETE")
        return try DatabaseCopy.check(db)
      }
      try copy.close()
      guard check.isSound else {
        throw DomainError(
          "backup.unsound",
          "Bản sao vừa tạo không dùng được: \(check.problemsVi.joined(separator: " ")) "
            + "Hãy kiểm tra cơ sở dữ liệu đang chạy (dangvu audit verify) trước khi sao lưu lại.")
      }
      try FileManager.default.moveItem(atPath: partial, toPath: path)
      return check
    } catch let error as DomainError {
      DatabaseCopy.remove(partial)
      throw error
    } catch {
      DatabaseCopy.remove(partial)
      throw DomainError(
        "backup.failed", "Không sao lưu được vào \(path): \(error). Hãy kiểm tra thư mục đích và chỗ trống trên đĩa.")
    }
  }
}
