import DangVuCore
import Foundation

/// Writes a whole file beside its final name and moves it into place when complete, so a failed write never
/// leaves half a workbook under the real name.
enum WholeFile {
  static func write(_ bytes: [UInt8], to path: String) throws {
    let partial = path + ".partial"
    guard FileManager.default.createFile(atPath: partial, contents: Data(bytes)) else {
      throw DomainError("export.cannotWrite", "Không ghi được tệp \(path); hãy kiểm tra thư mục và quyền ghi.")
    }
    do {
      if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
      try FileManager.default.moveItem(atPath: partial, toPath: path)
    } catch {
      try? FileManager.default.removeItem(atPath: partial)
      throw DomainError("export.cannotWrite", "Không ghi được tệp \(path); hãy kiểm tra thư mục và quyền ghi.")
    }
  }
}
