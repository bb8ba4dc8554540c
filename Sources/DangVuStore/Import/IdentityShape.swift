import DangVuCore

/// A quick look, on bytes, at the identity fields of an imported member.
///
/// `MemberRules.checkIdentity` walks the fields as Characters, which cost a tenth of a large import;
/// rows that plainly pass skip it here, and any other row gets the real rule and its message. The store uses
/// the same shortcut: every member it passes here also passes the rule, so it can only save time.
enum IdentityShape {
  static func plainlyValid(_ m: Member) -> Bool {
    // A name of only spaces and tabs is refused by the rule: not plainly valid.
    guard m.fullName.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 }), m.posts.isEmpty else { return false }
    for (field, text) in MemberRules.textFields(of: m) where !plainText(text, within: field.maxLength) { return false }
    if let nid = m.nationalID, !(nid.utf8.count == 12 && nid.utf8.allSatisfy(isDigit)) { return false }
    if let card = m.partyCardNumber,
      !(1...20).contains(card.utf8.count) || !card.utf8.allSatisfy({ isDigit($0) || isLetter($0) })
    {
      return false
    }
    return true
  }

  /// Short enough in bytes (so in characters too) and with no byte of a control character (below 0x20 but
  /// tab, or DEL) nor the lead byte 0xE2 of the bidirectional controls (U+202A…, U+2066…): such text passes
  /// `TextRules` without a walk over its Characters. Vietnamese letters are two or three bytes led by C3-C6 or E1.
  private static func plainText(_ text: String, within maxLength: Int) -> Bool {
    text.utf8.count <= maxLength && !text.utf8.contains { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F || $0 == 0xE2 }
  }

  private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
  private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
}
