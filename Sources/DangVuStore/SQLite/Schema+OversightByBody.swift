import GRDB

extension Schema {
  /// Every kind by conducting body, and complaints by subject kind (issue 25; docs/decisions/0027-oversight-by-conducting-body.md).
  ///
  /// The body of every inspection was recorded from the start (`inspection.body_organ`, copied to
  /// `inspection_subject.organ_no`), so no record changes: the rollup gains one report group per kind and organ
  /// and is rebuilt from the lượt, and the complaint indexes gain `is_member` so the report still reads them
  /// alone when it counts complaints about units and about members apart.
  static func registerOversightByBody(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v14-oversight-kind-by-body") { db in
      try db.execute(
        sql: """
          DROP INDEX complaint_received;
          DROP INDEX complaint_resolved;
          DROP INDEX complaint_unit_received;
          DROP INDEX complaint_unit_resolved;
          CREATE INDEX complaint_received ON complaint(received, kind, is_member, unit_id);
          CREATE INDEX complaint_resolved ON complaint(resolved, kind, finding, is_member, unit_id);
          CREATE INDEX complaint_unit_received ON complaint(unit_id, received, kind, is_member);
          CREATE INDEX complaint_unit_resolved ON complaint(unit_id, resolved, kind, finding, is_member);
          """)
      try OversightRollup.rebuild(in: db)
    }
  }
}
