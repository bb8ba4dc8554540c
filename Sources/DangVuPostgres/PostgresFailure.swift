import PostgresNIO

/// A statement PostgreSQL refused or a connection that failed, with the database and the server's reason.
public struct PostgresStoreError: Error, CustomStringConvertible {
  /// `USER@HOST:PORT/DATABASE`.
  public var database: String
  public var reason: String

  public var description: String { "PostgreSQL \(database): \(reason)" }
}

/// What went wrong with PostgreSQL, in words a person can act on. postgres-nio's errors describe themselves
/// generically on purpose (a query's text may hold personal data); the server's own message and SQLSTATE
/// code name the cause without the query.
enum PostgresFailure {
  /// Runs `body`, turning postgres-nio's errors into `PostgresStoreError`s that say where and why; the store's
  /// own errors (a `DomainError`, what a transaction's body threw) pass as they are.
  static func naming<Result>(_ location: PostgresLocation, _ body: () async throws -> Result) async throws -> Result {
    do {
      return try await body()
    } catch let error as PSQLError {
      throw PostgresStoreError(database: location.description, reason: describe(error))
    }
  }

  static func describe(_ error: any Error) -> String {
    if let error = error as? PSQLError {
      if let message = error.serverInfo?[.message] {
        let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
        return message + state
      }
      if let underlying = error.underlying { return "\(error.code): \(underlying)" }
      return "\(error.code)"
    }
    return String(describing: error)
  }
}
