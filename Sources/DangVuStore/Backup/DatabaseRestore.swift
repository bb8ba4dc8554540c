import DangVuCore
import Foundation
import GRDB

/// Puts a backup in place of the database file, the old file kept aside.
public enum DatabaseRestore {
  /// What a restore did.
  public struct Outcome: Sendable {
    /// The checks the backup passed.
    public var check: CopyCheck
    /// Where the database it replaced now is (with its `-wal` beside it when it had one); nil when there was none.
    public var keptAside: String?
  }

  /// Checks `backup` and puts it in place of `target`.
  ///
  /// Refuses while another process has `target` open, unless `force`: a server still running would go on
  /// writing to the file set aside. The backup is copied beside the target first and checked there
  /// (integrity and audit chain), so the live file is touched only by two renames, each atomic.
  public static func restore(
    from backup: String, to target: String, force: Bool = false, now: Date = Date()
  ) async throws -> Outcome {
    let files = FileManager.default
    guard files.fileExists(atPath: backup) else {
      throw DomainError("restore.missing", "Không tìm thấy tệp sao lưu \(backup): hãy kiểm tra đường dẫn.")
    }
    if let size = (try? files.attributesOfItem(atPath: backup + "-wal"))?[.size] as? Int, size > 0 {
      throw DomainError(
        "restore.liveSource",
        "Tệp \(backup) còn tệp \(backup)-wal đi kèm: đó là một cơ sở dữ liệu đang dùng, không phải bản sao lưu. "
          + "Hãy tạo bản sao lưu bằng `dangvu backup` rồi khôi phục từ bản đó.")
    }
    if !force && DatabaseFileUse.isOpenElsewhere(target) {
      throw DomainError(
        "restore.inUse",
        "Cơ sở dữ liệu \(target) đang được một tiến trình khác mở (máy chủ dangvu serve hoặc một lệnh đang chạy). "
          + "Hãy dừng máy chủ rồi chạy lại; chỉ dùng --force khi chắc chắn, và khởi động lại máy chủ ngay sau đó.")
    }
    let staged = target + ".restoring"
    DatabaseCopy.remove(staged)
    let check: CopyCheck
    do {
      try files.copyItem(atPath: backup, toPath: staged)
    } catch {
      throw DomainError(
        "restore.cannotCopy",
        "Không chép được tệp sao lưu vào \(staged): \(error). Hãy kiểm tra thư mục của cơ sở dữ liệu, quyền ghi "
          + "và chỗ trống trên đĩa.")
    }
    do {
      let copy = try DatabaseQueue(path: staged)
      check = try await copy.read { db in try DatabaseCopy.check(db) }
      try copy.close()
    } catch let error as DomainError {
      DatabaseCopy.remove(staged)
      throw error
    } catch {
      DatabaseCopy.remove(staged)
      throw DomainError(
        "restore.unreadable", "Không đọc được tệp sao lưu \(backup) như một cơ sở dữ liệu SQLite: \(error).")
    }
    guard check.isSound else {
      DatabaseCopy.remove(staged)
      throw DomainError(
        "restore.unsound",
        "Không khôi phục từ \(backup): \(check.problemsVi.joined(separator: " ")) Cơ sở dữ liệu hiện tại "
          + "được giữ nguyên; hãy chọn một bản sao lưu khác.")
    }
    var keptAside: String?
    if files.fileExists(atPath: target) {
      let aside = target + ".before-restore-" + stamp(now)
      // The -wal holds commits not yet copied into the main file: it goes with it, under the matching name.
      try files.moveItem(atPath: target, toPath: aside)
      if files.fileExists(atPath: target + "-wal") {
        try files.moveItem(atPath: target + "-wal", toPath: aside + "-wal")
      }
      try? files.removeItem(atPath: target + "-shm")
      keptAside = aside
    }
    try files.moveItem(atPath: staged, toPath: target)
    return Outcome(check: check, keptAside: keptAside)
  }

  /// `20261207-035300`, UTC: sorts by time, and never contains a character a shell would mind.
  static func stamp(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    return formatter.string(from: date)
  }
}
