import DangVuPostgres
import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL server the tests use: the throwaway cluster scripts/test.sh (or scripts/postgres.sh) starts on
/// loopback and names in DANGVU_TEST_POSTGRES_URL. Each test gets an empty database of its own, so tests run in
/// parallel and none sees another's rows; the cluster is removed with all of them when the script ends.
enum TestPostgres {
  struct NotConfigured: Error, CustomStringConvertible {
    var description: String {
      "DANGVU_TEST_POSTGRES_URL is not set, so the PostgreSQL cases cannot run: run the tests with scripts/test.sh, "
        + "or start a throwaway cluster for them with `scripts/postgres.sh swift test --skip-build`."
    }
  }

  static let logger = Logger(label: "dangvu.tests.postgres")

  /// The server's own database, from DANGVU_TEST_POSTGRES_URL.
  static func server() throws -> PostgresLocation {
    guard let url = ProcessInfo.processInfo.environment["DANGVU_TEST_POSTGRES_URL"], !url.isEmpty else {
      throw NotConfigured()
    }
    return try PostgresLocation(url: url)
  }

  /// A new, empty database on the test server.
  static func freshDatabase() async throws -> PostgresLocation {
    let server = try server()
    let name = "dangvu_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    _ = try await withConnection(to: server) { connection in
      try await connection.query("CREATE DATABASE \(unescaped: name)", logger: logger)
    }
    return server.with(database: name)
  }

  /// One plain connection outside any store: what someone with the database's password could do.
  static func withConnection<Result: Sendable>(
    to location: PostgresLocation, _ body: (PostgresConnection) async throws -> Result
  ) async throws -> Result {
    let connection = try await location.connect(logger: logger)
    do {
      let result = try await body(connection)
      try await connection.close()
      return result
    } catch {
      try? await connection.close()
      throw error
    }
  }
}
