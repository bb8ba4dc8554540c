import DangVuCore
import Foundation

/// Writes a whole file beside its final name and moves it into place when complete (Foundation's atomic
/// write), so a failed write never leaves half a workbook or document under the real name.
enum WholeFile {
  static func write(_ bytes: some DataProtocol, to path: String) throws {
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw DomainError(
        "export.cannotWrite",
        "Không ghi được tệp \(path) (\(error.localizedDescription)); hãy kiểm tra thư mục và quyền ghi.")
    }
  }
}
