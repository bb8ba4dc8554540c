import DangVuCore
import Foundation

extension AuditAnchor {
  /// Writes the anchor as JSON (sorted keys, one field a line), so a person can read it and keep it anywhere.
  public func write(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      try (encoder.encode(self) + Data("\n".utf8)).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
    } catch {
      throw DomainError(
        "auditAnchor.cannotWrite",
        "Không ghi được mốc vào \(path) (tệp đã có, hoặc thư mục không ghi được): hãy chọn tên tệp mới.")
    }
  }

  /// Reads an anchor file written by `write(to:)`.
  public static func read(from path: String) throws -> AuditAnchor {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DomainError("auditAnchor.missing", "Không đọc được tệp mốc \(path): hãy kiểm tra đường dẫn.")
    }
    do {
      return try JSONDecoder().decode(AuditAnchor.self, from: data)
    } catch {
      throw DomainError(
        "auditAnchor.unreadable",
        "Tệp \(path) không phải mốc nhật ký của DangVu (tạo bằng `dangvu audit anchor --out TỆP`).")
    }
  }
}
