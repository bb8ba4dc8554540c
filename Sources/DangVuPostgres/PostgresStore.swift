import DangVuCore
import DangVuStore
import Logging
import PostgresNIO

/// The PostgreSQL engine for central deployments (issue 23, docs/decisions/0032): a pool of connections
/// (`PostgresClient`) run by a task the store owns, its own migrations, and transactions as the SQLite store
/// has them. It serves the whole `PartyStore`, part by part in its own files, each part passing the same contract
/// tests as SQLite (docs/decisions/0038, 0044–0050); several servers may share one database (the locks each part
/// takes are in its decision), and `dangvu migrate` copies a SQLite file into it (0051).
///
/// Open it with `open(_:)` and end it with `close()`: the pool's connections stay open until then.
public final class PostgresStore: Sendable {
  let location: PostgresLocation
  let client: PostgresClient
  let logger: Logger
  private let running: Task<Void, Never>

  private init(location: PostgresLocation, maximumConnections: Int, logger: Logger) {
    var configuration = location.clientConfiguration
    configuration.options.maximumConnections = maximumConnections
    let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    self.location = location
    self.client = client
    self.logger = logger
    // The pool leases nothing until run() runs; it returns once this task is cancelled (`close`).
    running = Task { await client.run() }
  }

  /// Connects, brings the database's schema up to this version of DangVu (`PostgresMigrations`), and returns
  /// the store ready for use. Several servers may open the same database at once: the migrations take a lock.
  public static func open(
    _ location: PostgresLocation, maximumConnections: Int = 20,
    logger: Logger = Logger(label: "dangvu.postgres")
  ) async throws -> PostgresStore {
    let store = PostgresStore(location: location, maximumConnections: maximumConnections, logger: logger)
    do {
      try await location.connect(logger: logger).close()
      try await store.write { transaction in try await PostgresMigrations.migrate(in: transaction) }
    } catch {
      await store.close()
      if error is DomainError { throw error }
      throw DomainError(
        "postgres.cannotOpen",
        "Không mở được cơ sở dữ liệu PostgreSQL \(location): \(PostgresFailure.describe(error)). "
          + "Hãy kiểm tra máy chủ đang chạy, tên người dùng, mật khẩu và tên cơ sở dữ liệu trong địa chỉ.")
    }
    return store
  }

  /// Closes the pool and waits until its connections are closed. The store answers nothing afterwards.
  public func close() async {
    running.cancel()
    await running.value
  }

  // A store dropped without `close()` still ends its pool (without waiting): the task holds the client, not the
  // store, so nothing else would stop it.
  deinit { running.cancel() }

  /// Runs `body` in one transaction on one connection of the pool, committed when it returns and rolled back
  /// when it throws; the error `body` threw is the one thrown (postgres-nio's own `withTransaction` wraps it).
  /// Read committed, PostgreSQL's default: each statement sees what was committed before it started, so a
  /// write that serialises on a lock (the audit trail's append, a change to the tree) reads the state the previous
  /// holder left. Its last statement moves the data generation on (`dataGeneration()`).
  func write<Result: Sendable>(_ body: @Sendable (PostgresTransaction) async throws -> Result) async throws -> Result {
    try await PostgresFailure.naming(location) {
      try await client.withConnection { connection in
        try await Self.inTransaction(
          PostgresTransaction(connection: connection, logger: logger), begin: "BEGIN ISOLATION LEVEL READ COMMITTED",
          end: .commitMovingGeneration, body)
      }
    }
  }

  /// Runs `body` as `write` does and then rolls it back: a change made to see what it would do (a preview)
  /// passes every check the write passes, and nothing stays written.
  func rehearse<Result: Sendable>(_ body: @Sendable (PostgresTransaction) async throws -> Result) async throws
    -> Result
  {
    try await PostgresFailure.naming(location) {
      try await client.withConnection { connection in
        try await Self.inTransaction(
          PostgresTransaction(connection: connection, logger: logger), begin: "BEGIN ISOLATION LEVEL READ COMMITTED",
          end: .rollback, body)
      }
    }
  }

  /// Runs `body` on one snapshot of the database, as SQLite's reads see one commit's state: a check that
  /// reads several tables (the audit chain and its head) does not see a commit land between two of them.
  func read<Result: Sendable>(_ body: @Sendable (PostgresTransaction) async throws -> Result) async throws -> Result {
    try await PostgresFailure.naming(location) {
      try await client.withConnection { connection in
        try await Self.inTransaction(
          PostgresTransaction(connection: connection, logger: logger),
          begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", end: .commit, body)
      }
    }
  }

  /// How a transaction whose body returned ends.
  private enum End {
    case commit
    /// A write: the data generation moves on in the same transaction, so a cache that reads the new number
    /// also sees what was written. (A sequence moves outside the transaction: read between its move and the
    /// commit, it would let a cache keep an old answer under the new number.) The row's lock is held from that
    /// last statement to the commit, so writes queue only for their commits.
    case commitMovingGeneration
    case rollback
  }

  private static func inTransaction<Result: Sendable>(
    _ transaction: PostgresTransaction, begin: PostgresQuery, end: End,
    _ body: @Sendable (PostgresTransaction) async throws -> Result
  ) async throws -> Result {
    try await transaction.query(begin)
    let result: Result
    do {
      result = try await body(transaction)
      if end == .commitMovingGeneration {
        try await transaction.query("UPDATE data_generation SET generation = generation + 1 WHERE id = 1")
      }
    } catch {
      // The body's error is what the caller needs; a failed rollback leaves a connection the pool closes.
      _ = try? await transaction.query("ROLLBACK")
      throw error
    }
    try await transaction.query(end == .rollback ? "ROLLBACK" : "COMMIT")
    return result
  }
}

/// A connection inside a transaction the store opened. Only the store makes one, so a function that takes
/// it (`PostgresStore.append(_:in:)`) cannot run outside a transaction: SQLite's `isInsideTransaction` check,
/// made a type. It must not outlive the closure it was given to.
struct PostgresTransaction: Sendable {
  let connection: PostgresConnection
  let logger: Logger

  @discardableResult
  func query(_ query: PostgresQuery, file: String = #fileID, line: Int = #line) async throws -> PostgresRowSequence {
    try await connection.query(query, logger: logger, file: file, line: line)
  }
}
