/// Finds where a file stops being UTF-8, so the refusal can name the line to look at.
enum UTF8Validation {
  /// The offset of the first byte that is not part of a valid UTF-8 sequence, or nil when all are.
  /// A large file is checked in pieces on every core, each starting at the first character it holds.
  static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard bytes.count >= CSVDocument.parallelBytes else { return firstInvalidByte(in: bytes, from: 0, to: bytes.count) }
    let parts = ParallelWork.cores * 2
    var bounds = (0...parts).map { bytes.count / parts * $0 }
    bounds[parts] = bytes.count
    // Move each inner bound past continuation bytes (0b10xxxxxx) so no piece starts inside a character.
    for i in 1..<parts {
      while bounds[i] < bytes.count, bytes[bounds[i]] & 0xC0 == 0x80 { bounds[i] += 1 }
    }
    let view = CSVScanner(bytes: bytes, separator: 0)
    let starts = bounds
    let found = ParallelWork.map(parts) { i in
      firstInvalidByte(in: view.bytes, from: starts[i], to: max(starts[i], starts[i + 1]))
    }
    return found.compactMap { $0 }.min()
  }

  /// The first invalid byte from `start` (a character start) on; a character may run past `end`.
  static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
    var i = start
    while i < end {
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
