import DangVuStore
import Foundation
import Synchronization

/// Files that were checked and may now be confirmed: by account and SHA-256, so a confirmation writes exactly
/// the file its preview showed, and only for the account that checked it. The page keeps the bytes here (the
/// person should not have to pick the file again); the API sends them again and only the check is remembered.
/// Held in memory: a restart forgets them, and the person checks the file again.
final class CheckedUploads: Sendable {
  struct Upload: Sendable {
    var kind: ImportFileKind
    var fileName: String
    var sha256: String
    var sheet: String?
    var year: Int?
    var rows: Int
    /// Kept for a page's confirmation; nil for the API's.
    var bytes: [UInt8]?
    var checked: ContinuousClock.Instant
  }

  /// How long a check stays good for a confirmation.
  static let lifetime: Duration = .seconds(3600)
  /// Kept files per account; the oldest goes first.
  static let perAccount = 4

  private let uploads = Mutex<[String: [Upload]]>([:])

  func keep(_ upload: Upload, for login: String) {
    uploads.withLock { all in
      var mine = Self.fresh(all[login] ?? []).filter { $0.sha256 != upload.sha256 }
      mine.append(upload)
      all[login] = Array(mine.suffix(Self.perAccount))
      // Accounts that have not checked anything for an hour hold nothing.
      all = all.compactMapValues { uploads in
        let fresh = Self.fresh(uploads)
        return fresh.isEmpty ? nil : fresh
      }
    }
  }

  /// The check `login` made of the file with `sha256`, taken out so it is confirmed once.
  func take(_ sha256: String, for login: String) -> Upload? {
    uploads.withLock { all in
      guard var mine = all[login].map(Self.fresh), let index = mine.firstIndex(where: { $0.sha256 == sha256 })
      else { return nil }
      let upload = mine.remove(at: index)
      all[login] = mine
      return upload
    }
  }

  /// Gives back a check whose confirmation could not start (so the person may try again).
  func putBack(_ upload: Upload, for login: String) { keep(upload, for: login) }

  private static func fresh(_ uploads: [Upload]) -> [Upload] {
    let now = ContinuousClock.now
    return uploads.filter { now - $0.checked < lifetime }
  }
}
