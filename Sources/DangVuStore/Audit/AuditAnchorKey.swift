import Crypto
import DangVuCore
import Foundation

/// The Ed25519 key that signs audit anchors, kept in a file outside the database: someone who can rewrite
/// the database but not read this file cannot make an anchor that matches their rewrite. A private key file
/// signs and verifies; its public half (`FILE.pub`) only verifies, and can be handed to the inspection
/// commission with the anchors (docs/decisions/0019).
public struct AuditAnchorKey {
  public let publicKey: Curve25519.Signing.PublicKey
  private let privateKey: Curve25519.Signing.PrivateKey?

  /// Where the key is looked for when no `--key` is given: `$DANGVU_AUDIT_KEY`, else this path.
  public static let defaultPath = "/etc/dangvu/audit-anchor.key"

  static let privatePrefix = "ed25519-private:"
  static let publicPrefix = "ed25519-public:"

  public var canSign: Bool { privateKey != nil }
  /// The public key, as 64 hex digits: how an anchor names its key.
  public var publicKeyHex: String { Self.hex(publicKey.rawRepresentation) }

  /// Makes a new key and writes it to `path` (readable by its owner only) and its public half to `path.pub`.
  /// Refuses to replace an existing key: anchors signed with it could no longer be checked.
  public static func create(at path: String) throws -> AuditAnchorKey {
    guard !FileManager.default.fileExists(atPath: path) else {
      throw DomainError(
        "auditKey.exists",
        "Tệp khóa \(path) đã có: không ghi đè, vì các mốc đã ký bằng khóa này sẽ không kiểm tra được nữa. "
          + "Hãy chọn tên tệp khác.")
    }
    let key = Curve25519.Signing.PrivateKey()
    let created = FileManager.default.createFile(
      atPath: path, contents: Data((privatePrefix + hex(key.rawRepresentation) + "\n").utf8),
      attributes: [.posixPermissions: 0o600])
    guard created else {
      throw DomainError("auditKey.cannotWrite", "Không ghi được tệp khóa \(path): hãy kiểm tra thư mục và quyền ghi.")
    }
    let signing = AuditAnchorKey(publicKey: key.publicKey, privateKey: key)
    try Data((publicPrefix + signing.publicKeyHex + "\n").utf8).write(to: URL(fileURLWithPath: path + ".pub"))
    return signing
  }

  /// Reads a private key file (signs and verifies) or a public one (verifies only).
  public static func load(from path: String) throws -> AuditAnchorKey {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DomainError(
        "auditKey.missing",
        "Không đọc được tệp khóa ký mốc nhật ký \(path). Nếu chưa có, hãy tạo bằng "
          + "`dangvu audit key --out \(path)` rồi chỉ đường dẫn bằng --key hoặc biến DANGVU_AUDIT_KEY.")
    }
    let line = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    do {
      if line.hasPrefix(privatePrefix), let raw = bytes(hex: line.dropFirst(privatePrefix.count)) {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        return AuditAnchorKey(publicKey: key.publicKey, privateKey: key)
      }
      if line.hasPrefix(publicPrefix), let raw = bytes(hex: line.dropFirst(publicPrefix.count)) {
        return AuditAnchorKey(publicKey: try Curve25519.Signing.PublicKey(rawRepresentation: raw), privateKey: nil)
      }
    } catch {}
    throw DomainError(
      "auditKey.unreadable",
      "Tệp \(path) không phải khóa ký mốc nhật ký của DangVu (tạo bằng `dangvu audit key --out TỆP`).")
  }

  /// The head, signed now.
  public func sign(_ head: AuditHead, at time: AuditTime) throws -> AuditAnchor {
    guard let privateKey else {
      throw DomainError(
        "auditKey.publicOnly", "Tệp khóa này chỉ có khóa công khai: hãy dùng tệp khóa bí mật để ký mốc.")
    }
    var anchor = AuditAnchor(entries: head.sequence, lastHash: head.hash, time: time, publicKey: publicKeyHex)
    anchor.signature = Self.hex(try privateKey.signature(for: anchor.signedBytes))
    return anchor
  }

  /// Whether `anchor` was signed by this key and is unchanged since.
  public func isValid(_ anchor: AuditAnchor) -> Bool {
    guard anchor.publicKey == publicKeyHex, let signature = Self.bytes(hex: anchor.signature[...]) else {
      return false
    }
    return publicKey.isValidSignature(signature, for: anchor.signedBytes)
  }

  static func hex(_ data: some DataProtocol) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in data {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func bytes(hex: Substring) -> Data? {
    let chars = Array(hex.utf8)
    guard chars.count % 2 == 0 else { return nil }
    var out = Data()
    var i = 0
    while i < chars.count {
      guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
      out.append(hi << 4 | lo)
      i += 2
    }
    return out
  }

  private static func nibble(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
