import GRDB
import GRDBSQLite

/// An INSERT prepared once and run for many rows, its values bound through SQLite's C interface.
///
/// GRDB's `execute(arguments:)` boxes every value into a `DatabaseValue` and an array of them; for the
/// millions of rows of a bulk load that was about a sixth of the writing time. Errors come back as GRDB's
/// `DatabaseError`, with the extended result code (so a UNIQUE refusal reads as before).
struct PreparedInsert {
  private let statement: Statement
  private let handle: OpaquePointer
  private let db: Database

  init(sql: String, in db: Database) throws {
    statement = try db.cachedStatement(sql: sql)
    handle = statement.sqliteStatement
    self.db = db
  }

  /// SQLite copies the text before the call returns (SQLITE_TRANSIENT).
  private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

  func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }
  func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }
  func bind(_ index: Int32, _ value: Bool) { sqlite3_bind_int64(handle, index, value ? 1 : 0) }

  func bind(_ index: Int32, _ value: Int64?) {
    if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
  }

  func bind(_ index: Int32, _ value: Int?) {
    if let value { sqlite3_bind_int64(handle, index, Int64(value)) } else { sqlite3_bind_null(handle, index) }
  }

  func bind(_ index: Int32, _ value: String) {
    var text = value
    text.withUTF8 { utf8 in
      _ = sqlite3_bind_text(handle, index, utf8.baseAddress, Int32(utf8.count), Self.transient)
    }
  }

  func bind(_ index: Int32, _ value: String?) {
    if let value { bind(index, value) } else { sqlite3_bind_null(handle, index) }
  }

  /// Inserts the row bound so far; the statement is then ready for the next one.
  func run() throws {
    let code = sqlite3_step(handle)
    guard code != SQLITE_DONE else {
      sqlite3_reset(handle)
      return
    }
    let extended = sqlite3_extended_errcode(db.sqliteConnection)
    let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
    sqlite3_reset(handle)
    throw DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: statement.sql)
  }
}
