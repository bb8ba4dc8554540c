import Foundation

/// What every field of an import file goes through: NFC (so text typed on a Mac, in NFD, is stored
/// and searched the same as text from Windows) and no surrounding spaces.
enum FieldText {
  /// The field cleaned, and how many line breaks it holds (a quoted field may span lines).
  static func clean(_ raw: String) -> (text: String, lineBreaks: Int) {
    var nonASCII = false
    var needsNFC = false
    var breaks = 0
    var previousCR = false
    for b in raw.utf8 {
      if b == 0x0A {
        if !previousCR { breaks += 1 }
      } else if b == 0x0D {
        breaks += 1
      } else if b >= 0x80 {
        nonASCII = true
      }
      previousCR = b == 0x0D
    }
    if nonASCII {
      needsNFC = raw.unicodeScalars.contains(where: mayChangeUnderNFC)
    }
    var text = needsNFC ? raw.precomposedStringWithCanonicalMapping : raw
    if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
      isSpace(first) || isSpace(last)
    {
      var scalars = text.unicodeScalars[...]
      while let f = scalars.first, isSpace(f) { scalars.removeFirst() }
      while let l = scalars.last, isSpace(l) { scalars.removeLast() }
      text = String(scalars)
    }
    return (text, breaks)
  }

  /// Spaces a spreadsheet leaves around a value, including the no-break space.
  static func isSpace(_ s: Unicode.Scalar) -> Bool {
    s == " " || s == "\t" || s == "\u{00A0}"
  }

  /// Vietnamese precomposed letters (Latin-1, Latin Extended-A/B, Latin Extended Additional) are
  /// already NFC; a combining mark or any other script may need Foundation's normalisation.
  private static func mayChangeUnderNFC(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return v >= 0x300 && !(0x1E00...0x1EFF).contains(v)
  }
}
