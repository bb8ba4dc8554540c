import DangVuCore
import Foundation

extension AuditActor {
  /// Whoever runs this command, as the operating system names them: the audit trail's actor for the
  /// command line's account and token writes.
  static var commandLineUser: AuditActor {
    .commandLine(user: "\(ProcessInfo.processInfo.userName)@\(ProcessInfo.processInfo.hostName)")
  }
}
