import DangVuCore
import Foundation

extension AuditTime {
  /// The server's clock, to the millisecond. The store stamps entries itself, so a caller cannot
  /// backdate one.
  public static var now: AuditTime {
    AuditTime(millisecondsSince1970: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
  }
}
