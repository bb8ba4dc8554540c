import DangVuCore
import Foundation

extension NewAuditEntry {
  /// A record as the audit trail keeps it before and after a write: JSON with sorted keys, so the same
  /// record always reads the same and two versions compare line by line.
  public static func json(_ record: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(record), as: UTF8.self)
  }
}
