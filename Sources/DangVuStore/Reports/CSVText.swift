import CSV
import Foundation

/// Renders report rows as CSV text (UTF-8, comma, quoted where needed) with CSV.swift, as the import files are.
public enum CSVText {
  public static func render(_ rows: [[String]]) throws -> String {
    let stream = OutputStream(toMemory: ())
    let writer = try CSVWriter(stream: stream, delimiter: ",", newline: .lf)
    for row in rows { try writer.write(row: row) }
    writer.stream.close()
    guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
