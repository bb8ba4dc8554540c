/// The one place where text is folded for search: lower case, no tone or vowel marks, and đ → d.
///
/// SQLite's `remove_diacritics` does not fold đ/Đ (U+0111 has no decomposition), and users type
/// "dang" for "Đặng"; so names are folded here, both when stored and when searched.
public enum SearchFolding {
  public static func fold(_ text: some StringProtocol) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x80 {
        out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 0x20)! : scalar)
      } else if (0x300...0x36F).contains(v) {
        continue  // a combining mark of text typed or stored in NFD
      } else if let base = table[scalar] {
        out.append(base)
      } else {
        for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
      }
    }
    return String(out)
  }

  /// Splits folded text into the words a search matches on.
  public static func words(_ text: some StringProtocol) -> [String] {
    fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
  }

  private static let table: [Unicode.Scalar: Unicode.Scalar] = {
    let groups: [(String, Character)] = [
      ("àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬäåÄÅ", "a"),
      ("èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆëË", "e"),
      ("ìíỉĩịÌÍỈĨỊïîÏÎ", "i"),
      ("òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢöÖ", "o"),
      ("ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰüûÜÛ", "u"),
      ("ỳýỷỹỵỲÝỶỸỴ", "y"),
      ("đĐ", "d"),
      ("çÇ", "c"),
      ("ñÑ", "n"),
    ]
    var t: [Unicode.Scalar: Unicode.Scalar] = [:]
    for (letters, base) in groups {
      for s in letters.unicodeScalars { t[s] = base.unicodeScalars.first! }
    }
    return t
  }()
}
