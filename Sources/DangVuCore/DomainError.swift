/// An error a person will read: a machine-readable code (for the API) and a Vietnamese
/// message that says what was wrong and what to do.
public struct DomainError: Error, Hashable, Sendable, CustomStringConvertible {
  public var code: String
  public var message: String

  public init(_ code: String, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
