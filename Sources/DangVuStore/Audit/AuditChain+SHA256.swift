import Crypto
import DangVuCore

extension AuditChain {
  /// The chain's hash function: SHA-256 of the canonical bytes, as 64 lowercase hex digits.
  public static func sha256Hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in SHA256.hash(data: bytes) {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The hash an entry must carry.
  public static func hash(of entry: AuditEntry) -> String { sha256Hex(canonicalBytes(of: entry)) }
}
