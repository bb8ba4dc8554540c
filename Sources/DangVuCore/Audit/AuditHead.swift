/// The chain's head as the database records it with every append: how many entries there are (the last
/// number) and the last entry's hash. Deleting the newest entries leaves it ahead of the trail; hiding that
/// means rewriting it too, which only an anchor kept outside the database then shows (`AuditAnchor`).
public struct AuditHead: Hashable, Sendable, Codable {
  /// The last entry's number; 0 for an empty trail.
  public var sequence: Int64
  /// The last entry's hash; the genesis hash for an empty trail.
  public var hash: String

  public init(sequence: Int64, hash: String) {
    self.sequence = sequence
    self.hash = hash
  }

  /// The head of an empty trail.
  public static let empty = AuditHead(sequence: 0, hash: AuditChain.genesisHash)

  /// Where a trail that verified up to `lastSequence` (0 when empty) with `lastHash` disagrees with the
  /// recorded head; nil when they agree.
  public static func compare(_ head: AuditHead?, withLastSequence last: Int64, lastHash: String) -> AuditBreak? {
    guard let head else { return AuditBreak(sequence: last + 1, reason: .headMissing) }
    if head.sequence > last {
      return AuditBreak(sequence: last + 1, reason: .entriesMissing, through: head.sequence)
    }
    if head.sequence < last || head.hash != lastHash {
      return AuditBreak(sequence: last, reason: .headMismatch)
    }
    return nil
  }
}
