import DangVuCore
import Foundation
import PostgresNIO

/// Where a PostgreSQL database is, read from a URL as `psql` takes one:
/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=disable|prefer|require`.
/// The password is kept for connecting only; `description` never shows it.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
  public enum TLSMode: String, Sendable, Hashable {
    /// Plain TCP, for loopback and private networks.
    case disable
    /// TLS when the server offers it (PostgreSQL's own default).
    case prefer
    /// TLS or no connection.
    case require
  }

  public var host: String
  public var port: Int
  public var username: String
  public var password: String?
  public var database: String
  public var tls: TLSMode

  public init(
    host: String, port: Int = 5432, username: String, password: String?, database: String, tls: TLSMode = .prefer
  ) {
    self.host = host
    self.port = port
    self.username = username
    self.password = password
    self.database = database
    self.tls = tls
  }

  /// Reads a `postgres://` (or `postgresql://`) URL; says what is missing or wrong in it.
  public init(url text: String) throws {
    func refuse(_ why: String) -> DomainError {
      DomainError(
        "postgres.badURL",
        "Địa chỉ PostgreSQL không đúng (\(why)): cần dạng postgres://NGƯỜI_DÙNG:MẬT_KHẨU@MÁY:CỔNG/CƠ_SỞ_DỮ_LIỆU.")
    }
    guard let parts = URLComponents(string: text), let scheme = parts.scheme else {
      throw refuse("không đọc được thành URL")
    }
    guard scheme == "postgres" || scheme == "postgresql" else {
      throw refuse("phải bắt đầu bằng postgres://, không phải \(scheme)://")
    }
    guard let host = parts.host, !host.isEmpty else { throw refuse("thiếu tên máy") }
    guard let user = parts.user, !user.isEmpty else { throw refuse("thiếu tên người dùng") }
    let database = String(parts.path.drop(while: { $0 == "/" }))
    guard !database.isEmpty, !database.contains("/") else { throw refuse("thiếu tên cơ sở dữ liệu sau dấu /") }
    var tls = TLSMode.prefer
    for item in parts.queryItems ?? [] {
      guard item.name == "sslmode" else { throw refuse("không hiểu tham số \(item.name)") }
      guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
        throw refuse("sslmode chỉ nhận disable, prefer hoặc require")
      }
      tls = mode
    }
    self.init(
      host: host, port: parts.port ?? 5432, username: user.removingPercentEncoding ?? user,
      password: parts.password.map { $0.removingPercentEncoding ?? $0 }, database: database, tls: tls)
  }

  /// The same server and account, another database: how each test gets a database of its own.
  public func with(database: String) -> PostgresLocation {
    var copy = self
    copy.database = database
    return copy
  }

  /// `USER@HOST:PORT/DATABASE`, without the password: what error messages and logs name.
  public var description: String { "\(username)@\(host):\(port)/\(database)" }

  /// One connection of its own, outside any pool, closed by the caller: what `PostgresStore.open` tries first
  /// (one attempt fails at once with the server's reason, where the pool retries for a minute and then
  /// reports only that it gave up), and what a test uses to reach the database behind the store's back.
  public func connect(logger: Logger) async throws -> PostgresConnection {
    let tls: PostgresConnection.Configuration.TLS =
      switch self.tls {
      case .disable: .disable
      case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
      case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
      }
    return try await PostgresConnection.connect(
      configuration: .init(
        host: host, port: port, username: username, password: password, database: database, tls: tls),
      id: 0, logger: logger)
  }

  var clientConfiguration: PostgresClient.Configuration {
    let tls: PostgresClient.Configuration.TLS =
      switch self.tls {
      case .disable: .disable
      case .prefer: .prefer(.makeClientConfiguration())
      case .require: .require(.makeClientConfiguration())
      }
    return PostgresClient.Configuration(
      host: host, port: port, username: username, password: password, database: database, tls: tls)
  }
}
