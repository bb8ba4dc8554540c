import CSV
import Foundation

/// Writes a file in the import formats: UTF-8 without BOM, comma-separated, a header row, quoting
/// only where needed. The writing itself is CSV.swift's.
final class CSVFileWriter {
  private let stream: BufferedOutputStream
  private let writer: CSVWriter
  private(set) var rows = 0

  init(handle: FileHandle, header: [String]) throws {
    stream = BufferedOutputStream(handle: handle)
    writer = try CSVWriter(stream: stream, delimiter: ",", newline: .lf)
    try writer.write(row: header)
  }

  func write(_ fields: [String]) throws {
    try writer.write(row: fields)
    rows += 1
  }

  /// Ends the last line and writes out what is buffered; throws if any write failed.
  func finish() throws {
    _ = stream.write("\n", maxLength: 1)
    stream.close()
    if let error = stream.streamError { throw error }
  }
}
