import DangVuCore

extension EventsFile {
  /// Reads an events file and appends every event in one store batch, each member's history checked
  /// with its new events; or refuses the whole file with every bad row listed. Returns the event count.
  public static func importing(_ bytes: [UInt8], into store: some PartyStore) async throws -> Int {
    try await importing(CSVDocument(bytes: bytes), run: .writing, into: store)
  }

  /// The records of a CSV file or of a workbook's sheet (`SheetDocument`): one set of checks for both.
  static func importing(_ document: CSVDocument, run: ImportRun, into store: some PartyStore) async throws -> Int {
    let header = try Header<Column>(document.header)
    var parser = RowParser(header: header, issues: document.issues)
    var rows: [Row] = []
    for record in document.records {
      if let row = parse(record, &parser) { rows.append(row) }
    }
    var issues = parser.issues
    var units = try await UnitDirectory.load(codes: Set(rows.compactMap(\.cellCode)), from: store)
    var rowsByCard: [String: [Int]] = [:]
    var cardOrder: [String] = []
    for (index, row) in rows.enumerated() {
      if rowsByCard[row.card] == nil { cardOrder.append(row.card) }
      rowsByCard[row.card, default: []].append(index)
    }
    var memberIDs: [String: Int64] = [:]
    for card in cardOrder {
      let indices = rowsByCard[card]!
      guard let member = try await store.member(cardNumber: card) else {
        for i in indices {
          issues.append(
            ImportIssue(
              line: rows[i].line, column: header.name(of: .cardNumber),
              "không có đảng viên nào có số thẻ \(card) trong cơ sở dữ liệu; hãy nhập tệp đảng viên trước."))
        }
        continue
      }
      memberIDs[card] = member.id
      var history = try await store.timeline(ofMember: member.id).events
      try await units.include(ids: history.compactMap(\.cellID), from: store)
      // Events are added one at a time so a refusal points at the row that made the history impossible.
      for i in indices {
        let row = rows[i]
        if let code = row.cellCode, let problem = units.cellProblem(code, on: row.date) {
          issues.append(ImportIssue(line: row.line, column: header.name(of: .cellCode), problem))
          break
        }
        history.append(row.event(memberID: member.id, units: units))
        do {
          _ = try MemberTimeline(member: member, events: history, cell: units.check(cell:on:))
        } catch {
          issues.append(ImportIssue(line: row.line, column: column(for: error).map(header.name(of:)), error.message))
          break
        }
      }
    }
    guard issues.isEmpty else { throw ImportError(issues) }
    let events = rows.map { $0.event(memberID: memberIDs[$0.card]!, units: units) }
    return try await run.finish(issues: [], lines: rows.map(\.line), rows: events.count) {
      try await store.recordEvents(events, audit: $0)
    }
  }

  struct Row {
    var line: Int
    var card: String
    var kind: MembershipEventKind
    var date: Day
    var cellCode: String?
    var note: String

    func event(memberID: Int64, units: UnitDirectory) -> MembershipEvent {
      MembershipEvent(
        memberID: memberID, kind: kind, date: date, cellID: cellCode.flatMap { units.unit(code: $0)?.id }, note: note)
    }
  }

  private static func parse(_ record: CSVRecord, _ p: inout RowParser<Column>) -> Row? {
    let before = p.issues.count
    let card = p.text(.cardNumber, record, required: true)
    var kind: MembershipEventKind?
    if let text = p.text(.kind, record, required: true) {
      kind = EventKindWords.kind(text)
      if kind == nil {
        p.report(record, .kind, "\"\(text)\" không phải loại sự kiện; các loại được nhận: \(EventKindWords.accepted).")
      }
    }
    let date = p.day(.date, record, required: true)
    let cell = p.text(.cellCode, record)
    if let kind {
      if kind.needsCell && cell == nil {
        p.report(record, .cellCode, "sự kiện \"\(kind.nameVi)\" phải ghi mã chi bộ nơi đảng viên đến.")
      } else if !kind.needsCell, let cell {
        p.report(
          record, .cellCode,
          "sự kiện \"\(kind.nameVi)\" không ghi chi bộ (đang có \"\(cell)\"); chỉ kết nạp và chuyển sinh hoạt mới ghi.")
      }
    }
    guard p.issues.count == before, let card, let kind, let date = date.value else { return nil }
    return Row(line: record.line, card: card, kind: kind, date: date, cellCode: cell, note: p.text(.note, record) ?? "")
  }

  private static func column(for error: DomainError) -> Column? {
    switch error.code {
    case "member.unknownCell", "member.cellNotExisting", "member.notACell", "member.sameCell", "member.cellMissing":
      .cellCode
    case "member.admittedTwice", "member.officialTwice", "member.alreadyExempt", "member.notExempt",
      "member.cellNotExpected":
      .kind
    default: .date
    }
  }
}
