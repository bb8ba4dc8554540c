import DangVuCore

/// A coded value read back from the database (a kind, a standing, a state), turned into the type the code knows.
///
/// A value this build does not know is an error, never a default: a database written by a newer DangVu, or changed
/// outside it, must not have its unknown kinds counted as some known one (an unknown event read as an admission
/// would change every report it touches, silently). The error names the column and the value.
public enum StoredValue {
  public static func decode<Value: RawRepresentable>(_ raw: Value.RawValue, column: String) throws -> Value
  where Value.RawValue: CustomStringConvertible {
    guard let value = Value(rawValue: raw) else { throw unknown(raw, column: column) }
    return value
  }

  /// For the types read from a code by an initialiser of their own (`GradeOutcome(code:)`, `OversightKind(code:)`).
  static func decode<Value>(_ raw: String, column: String, _ make: (String) -> Value?) throws -> Value {
    guard let value = make(raw) else { throw unknown(raw, column: column) }
    return value
  }

  public static func unknown(_ raw: some CustomStringConvertible, column: String) -> DomainError {
    DomainError(
      "store.unknownValue",
      "Cột \(column) có giá trị “\(raw)” mà phiên bản DangVu này không biết (cơ sở dữ liệu do một phiên bản mới hơn "
        + "ghi, hoặc đã bị sửa ngoài phần mềm): không đọc tiếp để khỏi tính sai số liệu.")
  }
}
