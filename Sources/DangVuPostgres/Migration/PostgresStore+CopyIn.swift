import DangVuCore
import DangVuStore
import PostgresNIO

/// What a copy did: rows per table in the order copied, and the source tables left out with why.
public struct CopySummary: Sendable {
  public var tables: [(name: String, rows: Int)]
  public var leftOut: [(table: String, reason: String)]
}

extension PostgresStore {
  /// Copies every table of `source` into this database, which must hold no records yet (its migrations' seed rows
  /// are replaced by the source's), in one transaction: the database afterwards holds all of the source or, on any
  /// refusal, nothing of it. Rows go by COPY (text format: postgres-nio 1.33 offers no other), in the order the
  /// foreign keys need; the audit trail's triggers check each entry follows the last as it arrives, so the chain
  /// comes over with its hashes or not at all. Each table's count is checked against the source's before the commit.
  public func copyIn(
    from source: any CopySource, batchSize: Int = 5_000,
    progress: @escaping @Sendable (WorkProgress) -> Void = { _ in }
  ) async throws -> CopySummary {
    let sourceTables = try await source.sourceTables()
    var counts: [String: Int] = [:]
    for table in sourceTables { counts[table.name] = try await source.rowCount(of: table) }
    let rowCounts = counts
    return try await write { transaction in
      try await Self.refuseUnlessEmpty(in: transaction)
      let target = try await Self.targetColumns(in: transaction)
      let order = try CopyPlan.order(Array(target.keys), references: try await Self.foreignKeys(in: transaction))
      let plan = try CopyPlan.make(source: sourceTables, rowCounts: rowCounts, target: target, order: order)
      // Seed rows the migrations wrote (post kinds, violation categories…) give way to the source's own.
      for table in plan.tables.reversed() {
        try await transaction.query(PostgresQuery(unsafeSQL: "DELETE FROM \(table.name)"))
      }
      let rowsInAll = plan.tables.map(\.rows).reduce(0, +)
      var rowsCopied = 0
      for table in plan.tables where table.rows > 0 {
        try await transaction.connection.copyFrom(
          table: table.name, columns: (table.copied + table.computed).map(\.name), logger: transaction.logger
        ) { writer in
          try await source.forEachBatch(of: table.source, columns: table.copied.map(\.name), batchSize: batchSize) {
            rows in
            var buffer = ByteBuffer()
            for row in rows { buffer.writeString(try Self.copyLine(row, of: table)) }
            try await writer.write(buffer)
            rowsCopied += rows.count
            progress(WorkProgress(phase: "chép sang PostgreSQL", done: rowsCopied, total: rowsInAll))
          }
        }
        let landed = try await Self.rows(of: table.name, in: transaction)
        guard landed == table.rows else {
          throw DomainError(
            "migrate.countDiffers",
            "Bảng \(table.name): tệp SQLite có \(table.rows) dòng nhưng PostgreSQL nhận \(landed): không ghi gì.")
        }
      }
      // The register's monthly sums are PostgreSQL's own: rebuilt from the copied spans by the first report.
      try await transaction.query("DELETE FROM member_stock")
      try await Self.markMemberStockStale(in: transaction)
      // The next id each identity gives follows the copied ones.
      for table in plan.tables {
        for column in table.copied where column.identity {
          try await transaction.query(
            PostgresQuery(
              unsafeSQL: """
                SELECT setval(pg_get_serial_sequence('\(table.name)', '\(column.name)'), m)
                FROM (SELECT max(\(column.name)) AS m FROM \(table.name)) AS last WHERE m IS NOT NULL
                """))
        }
      }
      // SQLite's oversight rollup stays behind (`CopyPlan.sqliteOnly`): PostgreSQL's is counted from the lượt copied.
      try await Self.rebuildRollup(in: transaction)
      return CopySummary(tables: plan.tables.map { ($0.name, $0.rows) }, leftOut: plan.leftOut)
    }
  }

  /// One row as a line of COPY's text format: the copied values, then the computed ones.
  private static func copyLine(_ row: [TableValue], of table: CopyPlan.Table) throws -> String {
    var fields: [String] = []
    fields.reserveCapacity(table.copied.count + table.computed.count)
    for (value, column) in zip(row, table.copied) {
      fields.append(try CopyText.field(value, type: column.type, table: table.name, column: column.name))
    }
    if !table.computed.isEmpty {
      let named = Dictionary(uniqueKeysWithValues: zip(table.copied.map(\.name), row))
      for column in table.computed {
        let value = CopyPlan.derived[table.name]?[column.name]?(named) ?? .null
        fields.append(try CopyText.field(value, type: column.type, table: table.name, column: column.name))
      }
    }
    return fields.joined(separator: "\t") + "\n"
  }

  /// A copy goes into a database that holds no units, members, accounts or audit entries yet: merging into one that
  /// does would need every id renumbered, which this copy does not do.
  private static func refuseUnlessEmpty(in transaction: PostgresTransaction) async throws {
    var held = 0
    for table in ["organisation", "member", "account", "audit_entry"] {
      held += try await rows(of: table, in: transaction)
    }
    guard held == 0 else {
      throw DomainError(
        "migrate.targetNotEmpty",
        "Cơ sở dữ liệu PostgreSQL đã có dữ liệu (tổ chức, đảng viên, tài khoản hoặc nhật ký): chỉ chép vào một cơ sở "
          + "dữ liệu mới, trống. Không có gì được ghi.")
    }
  }

  private static func rows(of table: String, in transaction: PostgresTransaction) async throws -> Int {
    try await count(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table)"), in: transaction)
  }

  /// The columns of every table of the schema, in order, with their types as PostgreSQL names them.
  private static func targetColumns(in transaction: PostgresTransaction) async throws -> [String: [CopyPlan.Column]] {
    var tables: [String: [CopyPlan.Column]] = [:]
    let rows = try await transaction.query(
      """
      SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod),
        a.attnotnull AND NOT a.atthasdef AND a.attidentity = '', a.attidentity <> ''
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum
      """)
    for try await (table, name, type, required, identity) in rows.decode((String, String, String, Bool, Bool).self) {
      tables[table, default: []].append(
        CopyPlan.Column(name: name, type: type, required: required, identity: identity))
    }
    return tables
  }

  /// Each table and the tables its foreign keys name.
  private static func foreignKeys(in transaction: PostgresTransaction) async throws -> [String: Set<String>] {
    var references: [String: Set<String>] = [:]
    let rows = try await transaction.query(
      """
      SELECT f.conrelid::regclass::text, f.confrelid::regclass::text
      FROM pg_constraint f JOIN pg_namespace n ON n.oid = f.connamespace
      WHERE f.contype = 'f' AND n.nspname = current_schema()
      """)
    for try await (table, named) in rows.decode((String, String).self) { references[table, default: []].insert(named) }
    return references
  }
}
