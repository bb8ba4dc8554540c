/// The chain's head signed at a moment and exported: the administrator keeps the file away from the
/// server, and a later `audit verify --anchor FILE` shows a trail that lost entries or was rewritten since,
/// even when whoever did it also rewrote the head inside the database (docs/decisions/0019).
public struct AuditAnchor: Hashable, Sendable, Codable {
  /// Entries in the trail at that moment: the last entry's number.
  public var entries: Int64
  /// That entry's hash (the genesis hash for an empty trail).
  public var lastHash: String
  /// When the anchor was made.
  public var time: AuditTime
  /// The Ed25519 public key that signed it, hex: says which key to check it with.
  public var publicKey: String
  /// The Ed25519 signature of `signedBytes`, hex.
  public var signature: String

  public init(entries: Int64, lastHash: String, time: AuditTime, publicKey: String, signature: String = "") {
    self.entries = entries
    self.lastHash = lastHash
    self.time = time
    self.publicKey = publicKey
    self.signature = signature
  }

  /// What the signature covers: every field but the signature, one a line, in a fixed order.
  /// ```
  /// DangVu audit anchor v1
  /// entries=48213
  /// last=<64 hex digits>
  /// time=1740816930123
  /// key=<64 hex digits>
  /// ```
  public var signedBytes: [UInt8] {
    Array(
      ("DangVu audit anchor v1\nentries=\(entries)\nlast=\(lastHash)\ntime=\(time.millisecondsSince1970)\n"
        + "key=\(publicKey)\n").utf8)
  }

  /// How a trail compares with the anchor.
  public enum Finding: Hashable, Sendable {
    /// The anchored entry is still there with the same hash.
    case matches
    /// The trail has fewer entries than when the anchor was made.
    case trailShorter(anchored: Int64, found: Int64)
    /// The entry at the anchored position carries another hash: the trail was rewritten up to there.
    case hashDiffers(sequence: Int64)

    /// What a person reads, in Vietnamese, and what to do.
    public func messageVi(anchoredAt time: AuditTime) -> String {
      switch self {
      case .matches:
        "Mốc ngày \(time.vietnamese) khớp nhật ký."
      case .trailShorter(let anchored, let found):
        "Nhật ký chỉ còn \(found) mục nhưng mốc ngày \(time.vietnamese) ghi \(anchored) mục: các mục #\(found + 1) "
          + "đến #\(anchored) đã bị xóa (nhật ký bị cắt bớt). Hãy khôi phục từ bản sao lưu có đủ các mục "
          + "và báo Ủy ban kiểm tra."
      case .hashDiffers(let sequence):
        "Mục #\(sequence) không còn mang mã băm ghi trong mốc ngày \(time.vietnamese): nhật ký đã bị viết lại "
          + "đến mục này. Hãy khôi phục từ bản sao lưu và báo Ủy ban kiểm tra."
      }
    }
  }

  /// Holds the anchor against a trail whose last entry is `trailEntries` and whose entry at the anchored
  /// position (nil when there is none) carries `hashAtAnchor`.
  public func check(trailEntries: Int64, hashAtAnchor: String?) -> Finding {
    guard entries > 0 else { return .matches }
    guard trailEntries >= entries, let hashAtAnchor else {
      return .trailShorter(anchored: entries, found: min(trailEntries, entries - 1))
    }
    return hashAtAnchor == lastHash ? .matches : .hashDiffers(sequence: entries)
  }
}
