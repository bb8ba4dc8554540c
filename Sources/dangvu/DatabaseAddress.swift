import DangVuPostgres

/// Which engine a `--database` value names: an address starting `postgres://` or `postgresql://` (as `psql` takes
/// one) is a PostgreSQL database; anything else is the path of a SQLite file.
enum DatabaseAddress {
  case file(String)
  case postgres(PostgresLocation)

  init(_ text: String) throws {
    if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
      self = .postgres(try PostgresLocation(url: text))
    } else {
      self = .file(text)
    }
  }
}
