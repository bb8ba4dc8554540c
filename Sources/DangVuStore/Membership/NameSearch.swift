import DangVuCore

/// A search by name as every engine runs it: the text folded into words (`SearchFolding`), names that start with
/// what was typed looked up first, then names holding every word (the last also as a prefix: "nguyen v" finds
/// "Nguyễn Văn …" as the user types), and the hits put in one order. Each engine answers the two lookups from its
/// own indexes; what is asked and how the answers combine is decided here once.
public struct NameSearch: Sendable {
  /// The folded words typed, in order.
  public let words: [String]
  /// The words between single spaces: a folded name that starts with this comes first.
  public let typed: String
  public let limit: Int

  /// Nil when nothing searchable was typed (only marks or punctuation) or no hit is wanted.
  public init?(_ text: String, limit: Int) {
    let words = SearchFolding.words(text)
    guard !words.isEmpty, limit > 0 else { return nil }
    self.words = words
    self.typed = words.joined(separator: " ")
    self.limit = limit
  }

  /// The upper end of the folded names that start with `typed`: no character sorts after U+10FFFF.
  public var typedEnd: String { typed + "\u{10FFFF}" }

  /// Three or more words found from the start name the person looked for; otherwise word matches are added
  /// ("nguyen hung" should find "Nguyễn Văn Hùng" too). Long lists of common words are slow to intersect.
  public func wantsWordMatches(afterFinding found: Int) -> Bool {
    found < limit && (found == 0 || words.count <= 2)
  }

  /// The names found from the start, then the word matches not among them up to the limit; names that start with
  /// what was typed first, then by folded name and id.
  public func hits(startingWith found: [MemberHit], wordMatches more: [MemberHit]) -> [MemberHit] {
    let seen = Set(found.map(\.id))
    let all = found + more.filter { !seen.contains($0.id) }.prefix(limit - found.count)
    return all.map { (hit: $0, name: SearchFolding.fold($0.fullName)) }
      .sorted { a, b in
        (a.name.hasPrefix(typed) ? 0 : 1, a.name, a.hit.id) < (b.name.hasPrefix(typed) ? 0 : 1, b.name, b.hit.id)
      }
      .map(\.hit)
  }
}
