import DangVuCore
import DangVuTestFixtures
import Foundation
import GRDB
import Testing

@testable import DangVuStore

/// Issue 21 part 7 for imports and the command line's writes that belong to no one unit: an import's one entry
/// (`import.file`: file, SHA-256, rows) is written in the transaction of its rows, so a file is in the trail exactly
/// when its rows are in the register; the top of the tree is founded with its entry; a central target needs a unit
/// to be filed under.
@Suite("Store: an import's audit entry, written with its rows")
struct ImportAuditStoreTests {
  static let clerk = AuditActor(login: "thu.bantochuc", role: "organisationStaff")

  func written(
    _ kind: ImportFileKind, _ text: String, into store: SQLiteStore, by actor: AuditActor = clerk, year: Int? = nil
  ) async throws -> ImportOutcome {
    try await kind.run(
      file: bytes(text), ImportRun(writes: true, year: year, audit: (actor, "tep-\(kind.rawValue).csv")), into: store)
  }

  /// The one entry the import left, checked field by field, and the chain after it.
  func expectOneEntry(
    for kind: ImportFileKind, _ text: String, rows: Int, scope: String, in store: SQLiteStore
  ) async throws {
    let entries = try await store.auditEntries(AuditFilter(action: "import.file"))
    #expect(entries.count == 1)
    let entry = try #require(entries.first)
    #expect(entry.actorLogin == Self.clerk.login && entry.actorRole == Self.clerk.role)
    #expect(entry.subject == "file:tep-\(kind.rawValue).csv" && entry.scopeCode == scope)
    #expect(
      entry.after
        == "{\"file\":\"tep-\(kind.rawValue).csv\",\"kind\":\"\(kind.rawValue)\",\"rows\":\(rows),"
        + "\"sha256\":\"\(AuditChain.sha256Hex(bytes(text)))\"}")
    #expect(try await store.verifyAuditChain().broken == nil)
  }

  /// The good files the fuzz test starts from, each into the province it expects (appeals need their decision).
  @Test(arguments: [ImportFileKind.members, .events, .population, .inspections, .discipline, .appeals, .complaints])
  func eachKindOfFileLeavesOneEntryNamingItsHashAndRows(kind: ImportFileKind) async throws {
    let store: SQLiteStore
    switch kind {
    case .members: store = try await ImportProvince.store()
    case .appeals: store = try await ImportFuzzTests.province()
    default: store = try await ImportProvince.storeWithMembers()
    }
    let text = try #require(ImportFuzzTests.seeds.first { $0.0 == kind }).1
    let outcome = try await written(kind, text, into: store)
    #expect(outcome.written, "\(outcome.issues)")
    #expect(outcome.rows > 0)
    try await expectOneEntry(for: kind, text, rows: outcome.rows, scope: "KG", in: store)
  }

  @Test func theFirstOrganisationsFileIsFiledUnderTheProvinceItFounds() async throws {
    let store = try SQLiteStore.inMemory()
    let outcome = try await written(.organisations, ImportProvince.organisations, into: store)
    #expect(outcome.written && outcome.rows == 6)
    try await expectOneEntry(for: .organisations, ImportProvince.organisations, rows: 6, scope: "KG", in: store)
  }

  @Test func aGradesFileFromTheGradesCommandCountsItsRowsInItsEntry() async throws {
    let store = try await ImportProvince.storeWithMembers()
    try await store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-15"))
    let text = "doi_tuong,ma,xep_loai\nđảng viên,10000001,tốt\nđảng viên,10000002,hoàn thành\n"
    let audit = ImportAudit(
      actor: Self.clerk, kind: .grades, fileName: "tep-grades.csv", sha256: AuditChain.sha256Hex(bytes(text)))
    let recorded = try await GradesFile.importing(bytes(text), year: 2023, audit: audit, into: store)
    #expect(recorded.count == 2)
    try await expectOneEntry(for: .grades, text, rows: 2, scope: "KG", in: store)
  }

  // MARK: Nothing written without the entry

  @Test func aMembersFileWhoseEntryCannotBeWrittenWritesNoMember() async throws {
    let store = try await ImportProvince.store()
    let before = try await store.statistics()
    await #expect(throws: DomainError.self) {
      _ = try await written(.members, ImportProvince.twoMembers, into: store, by: AuditActor(login: " ", role: "x"))
    }
    #expect(try await store.statistics() == before)
    #expect(try await store.auditEntries(AuditFilter()).isEmpty)
  }

  /// The bulk path drops the register's indexes inside the transaction: SQLite refusing the entry itself (here a
  /// trigger, as a full disk would) rolls back rows and drop together, and the next import finds everything whole.
  @Test func aBulkBatchWhoseEntrySQLiteRefusesLeavesRowsAndIndexesAsTheyWere() async throws {
    let store = try await ImportProvince.store()
    let cell = try #require(try await store.organisation(code: "KG.01.002")).id
    let batch = (0..<3).map { n in
      NewMember(
        member: SmallProvince.member("Lê Thị Thử \(n)", card: "2000000\(n)"),
        events: [SmallProvince.admitted(cell, on: "2010-05-19")])
    }
    let audit = ImportAudit(actor: Self.clerk, kind: .members, fileName: "lon.csv", sha256: "00", rows: 3)
    let indexes = try await store.writer.read { db in
      try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
    }
    try await store.writer.write { db in
      try db.execute(
        sql: """
          CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON main.audit_entry
          BEGIN SELECT RAISE(ABORT, 'nhật ký không ghi được'); END
          """)
    }
    await #expect(throws: DatabaseError.self) {
      _ = try await store.addMembers(batch, bulk: true, audit: audit)
    }
    #expect(try await store.statistics().members == 0)
    #expect(try await store.auditEntries(AuditFilter()).isEmpty)
    let after = try await store.writer.read { db in
      try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
    }
    #expect(after == indexes)

    try await store.writer.write { db in try db.execute(sql: "DROP TRIGGER temp.refuse_audit") }
    _ = try await store.addMembers(batch, bulk: true, audit: audit)
    #expect(try await store.statistics().members == 3)
    #expect(try await store.searchMembers("le thi thu", within: nil, on: .today, limit: 10).count == 3)
    #expect(try await store.auditEntries(AuditFilter(action: "import.file")).map(\.subject) == ["file:lon.csv"])
    #expect(try await store.verifyAuditChain().broken == nil)
  }

  // MARK: The command line's writes that belong to no one unit

  @Test func foundingTheProvinceIsAuditedUnderItAndARefusalWritesNothing() async throws {
    let store = try SQLiteStore.inMemory()
    let preview = try await store.foundTopUnit(
      code: "KG", name: "Đảng bộ tỉnh Kiên Giang", kind: .provincialCommittee, on: day("1976-01-01"),
      by: .commandLine(user: "root@may-chu"))
    #expect(preview.summary == "Thành lập Đảng bộ tỉnh Kiên Giang (KG), cấp cao nhất, từ ngày 01/01/1976.")
    #expect(try await store.roots(on: day("2024-01-01")).map(\.code) == ["KG"])
    let entry = try #require(try await store.auditEntries(AuditFilter()).first)
    #expect(entry.action == "organisation.add" && entry.subject == "organisation:KG" && entry.scopeCode == "KG")
    #expect(entry.actorLogin == "root@may-chu" && entry.actorRole == "system")
    #expect(entry.after?.contains("cấp cao nhất") == true && entry.before == nil)

    await #expect(throws: DomainError.self) {
      try await store.foundTopUnit(
        code: "KG", name: "Trùng mã", kind: .provincialCommittee, on: day("1976-01-01"),
        by: .commandLine(user: "root@may-chu"))
    }
    #expect(try await store.statistics().organisations == 1)
    #expect(try await store.auditEntries(AuditFilter()).count == 1)
    #expect(try await store.verifyAuditChain().broken == nil)
  }

  @Test func aCentralTargetOnADatabaseWithoutUnitsIsRefusedSayingWhy() async throws {
    let store = try SQLiteStore.inMemory()
    let central = try ReportTarget(
      measure: .goodOrAbovePercent, scopeCode: nil, years: 2022...2025, low: 90, source: "Nghị quyết số 21-NQ/TW")
    do {
      _ = try await store.addReportTarget(central, by: .commandLine(user: "root@may-chu"))
      Issue.record("a target with nowhere to file its entry was written")
    } catch let error as DomainError {
      #expect(error.code == "audit.noUnit")
      #expect(error.message.contains("chưa có tổ chức đảng nào"))
    }
    #expect(try await store.reportTargets().isEmpty)
    #expect(try await store.auditEntries(AuditFilter()).isEmpty)

    // Once the province is there, the same target is filed under it.
    _ = try await OrganisationsFile.importing(bytes(ImportProvince.organisations), into: store)
    _ = try await store.addReportTarget(central, by: .commandLine(user: "root@may-chu"))
    #expect(try await store.auditEntries(AuditFilter(action: "target.add")).map(\.scopeCode) == ["KG"])
  }

  @Test func openingACycleAndGradingOneSubjectAreFiledWhereTheGradeIsCounted() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let cli = AuditActor.commandLine(user: "root@may-chu")
    try await store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-15"), by: cli)
    let opened = try #require(try await store.auditEntries(AuditFilter(action: "evaluation.open")).first)
    #expect(opened.subject == "cycle:KG:2023" && opened.scopeCode == "KG" && opened.actorRole == "system")
    #expect(opened.after?.contains("\"evaluationDate\"") == true)

    let an = try #require(try await store.member(cardNumber: "10000001")).id
    try await store.recordGrades(
      [GradeEntry(subject: .member(an), outcome: .graded(.good))], year: 2023, unit: nil, by: cli)
    try await store.recordGrades(
      [GradeEntry(subject: .organisation(code: "KG.01.001"), outcome: .graded(.good))], year: 2023, unit: nil, by: cli)
    let graded = try await store.auditEntries(AuditFilter(action: "grade.set"))
    // Newest first: the commune is counted in its district, the member in the cell.
    #expect(graded.map(\.scopeCode) == ["KG.01", "KG.01.001.01"])
    #expect(graded.map(\.subject) == ["grades:KG.01:2023", "grades:KG.01.001.01:2023"])
    #expect(try await store.verifyAuditChain().broken == nil)
  }
}
