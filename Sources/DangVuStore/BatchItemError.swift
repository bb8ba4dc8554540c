import DangVuCore

/// A batch was refused because of one item: which one (0-based, in the order given) and why.
/// Importers map the index back to the line of the file.
public struct BatchItemError: Error, Hashable, Sendable, CustomStringConvertible {
  public var index: Int
  public var error: DomainError

  public init(index: Int, error: DomainError) {
    self.index = index
    self.error = error
  }

  public var description: String { "mục \(index + 1): \(error.message)" }
}
