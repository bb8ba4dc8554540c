/// Finds where a file stops being UTF-8, so the refusal can name the line to look at.
enum UTF8Validation {
  /// The offset of the first byte that is not part of a valid UTF-8 sequence, or nil when all are.
  static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let n = bytes.count
    while i < n {
      // Most of a Vietnamese file is ASCII; only the rest goes through the standard parser.
      if bytes[i] < 0x80 {
        i += 1
        continue
      }
      var input = UnsafeBufferPointer(rebasing: bytes[i...]).makeIterator()
      var parser = Unicode.UTF8.ForwardParser()
      switch parser.parseScalar(from: &input) {
      case .valid(let encoded): i += encoded.count
      case .error, .emptyInput: return i
      }
    }
    return nil
  }

  /// 1-based line of a byte offset: one more than the line feeds before it.
  static func line(ofOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var line = 1
    for b in bytes[..<offset] where b == 0x0A { line += 1 }
    return line
  }
}
