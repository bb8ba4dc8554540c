import Foundation
import ZIPFoundation

/// The parts of a workbook (an XLSX file is a ZIP archive of XML parts), read with ZIPFoundation.
struct WorkbookArchive {
  private let archive: Archive

  /// A part larger than this is refused before it fills the memory: a province's members sheet is about
  /// 60 MB, a compressed bomb is gigabytes.
  static let partLimit = 400 << 20

  /// The four bytes every ZIP file starts with (`PK\u{3}\u{4}`).
  static func looksLikeZIP(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

  /// The archive is read from a scratch file, not from memory: ZIPFoundation 0.9.20's in-memory reader traps
  /// ("Range requires lowerBound <= upperBound") when a damaged archive points past its end, where a file read
  /// only comes up short. The file is unlinked as soon as it is open.
  init(bytes: [UInt8]) throws(ImportError) {
    guard Self.looksLikeZIP(bytes), let archive = Self.open(bytes) else {
      throw ImportError([
        ImportIssue(
          line: nil,
          "tệp không phải sổ tính Excel (.xlsx) đọc được: không mở được như tệp nén ZIP. Hãy mở tệp bằng Excel và lưu lại "
            + "dạng \"Excel Workbook (*.xlsx)\", hoặc lưu dạng CSV UTF-8.")
      ])
    }
    self.archive = archive
  }

  private static func open(_ bytes: [UInt8]) -> Archive? {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-workbook-\(UUID().uuidString).xlsx")
    guard
      FileManager.default.createFile(atPath: url.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
    else { return nil }
    defer { try? FileManager.default.removeItem(at: url) }
    return try? Archive(url: url, accessMode: .read, pathEncoding: nil)
  }

  /// The bytes of a part, nil when the archive has no such part.
  func part(_ path: String) throws(ImportError) -> Data? {
    let path = path.hasPrefix("/") ? String(path.dropFirst()) : path
    guard let entry = archive[path] else { return nil }
    var data = Data()
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        guard data.count + chunk.count <= Self.partLimit else { throw PartTooLarge() }
        data.append(chunk)
      }
    } catch is PartTooLarge {
      throw ImportError([
        ImportIssue(line: nil, "phần \(path) của sổ tính lớn quá \(Self.partLimit >> 20) MB; hãy chia tệp nhỏ hơn.")
      ])
    } catch {
      throw ImportError([
        ImportIssue(line: nil, "sổ tính bị hỏng: không giải nén được phần \(path). Hãy mở bằng Excel và lưu lại.")
      ])
    }
    return data
  }

  private struct PartTooLarge: Error {}
}
