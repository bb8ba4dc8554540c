import ArgumentParser
import DangVuStore
import Foundation

/// The `--key` option of the anchor commands: the key file, else `$DANGVU_AUDIT_KEY`, else the default path.
struct AuditKeyOption: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The anchor signing key file (made by `audit key`); its .pub half is enough to verify.",
      discussion: "Default: $DANGVU_AUDIT_KEY, else \(AuditAnchorKey.defaultPath)."))
  var key: String?

  var path: String {
    key ?? ProcessInfo.processInfo.environment["DANGVU_AUDIT_KEY"] ?? AuditAnchorKey.defaultPath
  }

  func load() throws -> AuditAnchorKey { try AuditAnchorKey.load(from: path) }
}
