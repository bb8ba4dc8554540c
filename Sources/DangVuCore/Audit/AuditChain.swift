/// How audit entries are chained, independent of the hash function and the database: the canonical
/// bytes of an entry, and the walk that checks a chain entry by entry (docs/decisions/0009).
public enum AuditChain {
  /// The `previousHash` of entry 1.
  public static let genesisHash = String(repeating: "0", count: 64)

  /// The bytes an entry's hash is computed over: every field but the hash, in a fixed order, each text
  /// prefixed by its length in UTF-8 bytes so no two entries share an encoding (a field cannot "borrow"
  /// characters from the next). Nil before/after is `-`, distinct from an empty text (`0:`).
  ///
  /// ```
  /// DangVu audit v1
  /// sequence=12
  /// time=1740816930123
  /// actor=5:admin
  /// role=13:administrator
  /// action=13:member.update
  /// subject=10:member:123
  /// scope=5:KG.01
  /// before=-
  /// after=17:{"fullName":"An"}
  /// previous=<64 hex digits>
  /// ```
  /// (each line ends with a line feed, the last one too).
  public static func canonicalBytes(of entry: AuditEntry) -> [UInt8] {
    // Built straight into bytes: verification encodes every entry of the trail.
    var out: [UInt8] = []
    out.reserveCapacity(
      200 + entry.actorLogin.utf8.count + entry.subject.utf8.count + (entry.before?.utf8.count ?? 0)
        + (entry.after?.utf8.count ?? 0))
    out += "DangVu audit v1\nsequence=".utf8
    out += String(entry.sequence).utf8
    out += "\ntime=".utf8
    out += String(entry.time.millisecondsSince1970).utf8
    out.append(0x0A)
    func field(_ name: String, _ value: String?) {
      out += name.utf8
      out.append(UInt8(ascii: "="))
      if let value {
        out += String(value.utf8.count).utf8
        out.append(UInt8(ascii: ":"))
        out += value.utf8
      } else {
        out.append(UInt8(ascii: "-"))
      }
      out.append(0x0A)
    }
    field("actor", entry.actorLogin)
    field("role", entry.actorRole)
    field("action", entry.action)
    field("subject", entry.subject)
    field("scope", entry.scopeCode)
    field("before", entry.before)
    field("after", entry.after)
    out += "previous=".utf8
    out += entry.previousHash.utf8
    out.append(0x0A)
    return out
  }

  /// Checks entries given in sequence order, stopping at the first that does not fit the chain.
  /// `hash` is the chain's hash function (SHA-256, lowercase hex, in the store).
  public struct Walk {
    let hash: ([UInt8]) -> String
    public private(set) var checked = 0
    public private(set) var lastSequence: Int64?
    public private(set) var lastHash = AuditChain.genesisHash
    public private(set) var broken: AuditBreak?

    public init(hash: @escaping ([UInt8]) -> String) { self.hash = hash }

    /// Checks the next entry; false once the chain is broken (later entries prove nothing more).
    @discardableResult
    public mutating func check(_ entry: AuditEntry) -> Bool {
      guard broken == nil else { return false }
      let expected = (lastSequence ?? 0) + 1
      if entry.sequence > expected {
        broken = AuditBreak(sequence: expected, reason: .entriesMissing, through: entry.sequence - 1)
      } else if entry.sequence < expected {
        broken = AuditBreak(sequence: entry.sequence, reason: .outOfOrder)
      } else if hash(AuditChain.canonicalBytes(of: entry)) != entry.hash {
        broken = AuditBreak(sequence: entry.sequence, reason: .contentChanged)
      } else if entry.previousHash != lastHash {
        broken = AuditBreak(sequence: entry.sequence, reason: .linkBroken)
      }
      guard broken == nil else { return false }
      checked += 1
      lastSequence = entry.sequence
      lastHash = entry.hash
      return true
    }

    /// An entry whose stored fields cannot even be read as text and numbers was changed outside DangVu.
    public mutating func unreadable(sequence: Int64) {
      guard broken == nil else { return }
      let expected = (lastSequence ?? 0) + 1
      broken =
        sequence > expected
        ? AuditBreak(sequence: expected, reason: .entriesMissing, through: sequence - 1)
        : AuditBreak(sequence: sequence, reason: .contentChanged)
    }

    /// The result, given the highest number the database ever issued: above the last entry found, the
    /// newest entries were removed.
    public func result(lastIssued: Int64?) -> AuditVerification {
      var broken = broken
      let last = lastSequence ?? 0
      if broken == nil, let lastIssued, lastIssued > last {
        broken = AuditBreak(sequence: last + 1, reason: .entriesMissing, through: lastIssued)
      }
      return AuditVerification(
        entriesChecked: checked, lastSequence: lastSequence, lastHash: lastHash, broken: broken)
    }

    /// The result, also held against the head the database recorded with the last append (`head`, nil when
    /// that record is gone). `sqlite_sequence` alone can be lowered or deleted with the rows; the head must
    /// then be rewritten too, which an exported anchor catches (docs/decisions/0019).
    public func result(lastIssued: Int64?, head: AuditHead?) -> AuditVerification {
      var verification = result(lastIssued: lastIssued)
      guard verification.broken == nil else { return verification }
      verification.broken = AuditHead.compare(head, withLastSequence: lastSequence ?? 0, lastHash: lastHash)
      return verification
    }
  }
}

/// The outcome of checking the whole chain.
public struct AuditVerification: Hashable, Sendable, Codable {
  /// Entries that fit the chain, from 1 up to the first break.
  public var entriesChecked: Int
  /// The last entry that fits; nil for an empty trail.
  public var lastSequence: Int64?
  /// Its hash (the genesis hash for an empty trail): write it down elsewhere to detect, later, a trail
  /// rewritten from that point with its hashes recomputed.
  public var lastHash: String
  /// The first entry that does not fit, and why; nil when the chain is intact.
  public var broken: AuditBreak?

  public init(entriesChecked: Int, lastSequence: Int64?, lastHash: String, broken: AuditBreak?) {
    self.entriesChecked = entriesChecked
    self.lastSequence = lastSequence
    self.lastHash = lastHash
    self.broken = broken
  }

  public var isIntact: Bool { broken == nil }
}

/// Where and how a chain is broken.
public struct AuditBreak: Hashable, Sendable, Codable {
  public enum Reason: String, Hashable, Sendable, Codable {
    /// The entry's fields no longer give its hash: something in it was changed.
    case contentChanged
    /// The entry does not name the hash of the entry before it: that one was replaced (changed and
    /// rehashed) or entries were reordered.
    case linkBroken
    /// Numbers `sequence…through` are absent: entries were deleted.
    case entriesMissing
    /// A number seen twice or going backwards.
    case outOfOrder
    /// The head recorded with each append is gone.
    case headMissing
    /// The last entry is not the one the recorded head names: the head or the newest entries were rewritten.
    case headMismatch
  }

  /// The first entry number at which the chain fails (for missing entries, the first one missing).
  public var sequence: Int64
  public var reason: Reason
  /// For missing entries, the last number missing.
  public var through: Int64?

  public init(sequence: Int64, reason: Reason, through: Int64? = nil) {
    self.sequence = sequence
    self.reason = reason
    self.through = through
  }

  /// What a person reads, in Vietnamese.
  public var messageVi: String {
    switch reason {
    case .contentChanged:
      "Mục #\(sequence) đã bị sửa ngoài DangVu: mã băm tính lại từ nội dung không khớp mã băm đã ghi."
    case .linkBroken:
      "Mục #\(sequence) không nối tiếp mục #\(sequence - 1): mục trước đã bị thay (sửa rồi tính lại mã băm) "
        + "hoặc thứ tự các mục đã bị đảo."
    case .entriesMissing:
      if let through, through > sequence {
        "Thiếu các mục #\(sequence) đến #\(through): các mục này đã bị xóa khỏi nhật ký."
      } else {
        "Thiếu mục #\(sequence): mục này đã bị xóa khỏi nhật ký."
      }
    case .outOfOrder:
      "Mục #\(sequence) bị lặp lại hoặc sai thứ tự."
    case .headMissing:
      "Bản ghi đầu chuỗi (số mục và mã băm mục cuối, ghi cùng mỗi mục mới) đã bị xóa: nhật ký đã bị can thiệp "
        + "ngoài DangVu. Hãy đối chiếu với mốc đã xuất (dangvu audit verify --anchor TỆP)."
    case .headMismatch:
      "Mục cuối #\(sequence) không khớp bản ghi đầu chuỗi (số mục và mã băm ghi cùng mỗi mục mới): các mục cuối "
        + "hoặc bản ghi đầu chuỗi đã bị viết lại ngoài DangVu. Hãy đối chiếu với mốc đã xuất "
        + "(dangvu audit verify --anchor TỆP)."
    }
  }
}
