import CSV
import Foundation

/// Renders report rows as CSV text (UTF-8, quoted where needed) with CSV.swift, as the import files are.
public enum CSVText {
  /// How a CSV file is laid out for whoever opens it.
  public struct Dialect: Hashable, Sendable {
    /// "," by default; ";" for an Excel whose regional settings (Vietnamese among them) use the comma for
    /// decimals and so expect a semicolon between fields.
    public var separator: String
    /// Excel on Windows reads a CSV without a byte-order mark in the system's code page, and Vietnamese
    /// turns to garbage; with it, as UTF-8. Scripts want the plain file.
    public var byteOrderMark: Bool

    public init(separator: String = ",", byteOrderMark: Bool = false) {
      self.separator = separator
      self.byteOrderMark = byteOrderMark
    }

    /// What scripts read: the command line's default.
    public static let plain = Dialect()
    /// What a download for a person opens in Excel: the web's default.
    public static let excel = Dialect(byteOrderMark: true)
  }

  public static func render(_ rows: [[String]], dialect: Dialect = .plain) throws -> String {
    let stream = OutputStream(toMemory: ())
    let writer = try CSVWriter(stream: stream, delimiter: dialect.separator, newline: .lf)
    for row in rows { try writer.write(row: row) }
    writer.stream.close()
    guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
    return (dialect.byteOrderMark ? "\u{FEFF}" : "") + String(decoding: data, as: UTF8.self) + "\n"
  }
}
