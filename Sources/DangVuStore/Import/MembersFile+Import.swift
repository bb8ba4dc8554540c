import DangVuCore

extension MembersFile {
  /// Reads a members file and adds every member in one store batch, or refuses the whole file
  /// with every bad row listed. Returns how many members were added.
  public static func importing(_ bytes: [UInt8], into store: some PartyStore) async throws -> Int {
    try await importing(CSVDocument(bytes: bytes), run: .writing, into: store)
  }

  /// The records of a CSV file or of a workbook's sheet (`SheetDocument`): one set of checks for both.
  static func importing(_ document: CSVDocument, run: ImportRun, into store: some PartyStore) async throws -> Int {
    var timer = PhaseTimer()
    let header = try Header<Column>(document.header)
    // Rows are read and checked in pieces on every core; the issues come out in the order of the file.
    let parsed = ParallelWork.map(ParallelWork.pieces(document.records.count)) {
      (range: Range<Int>) -> (rows: [Row], issues: [ImportIssue]) in
      var parser = RowParser(header: header)
      var genders = GenderWords()
      var rows: [Row] = []
      rows.reserveCapacity(range.count)
      for record in document.records[range] {
        if let row = parse(record, &parser, &genders) { rows.append(row) }
      }
      return (rows: rows, issues: parser.issues)
    }
    let rows = parsed.flatMap(\.rows)
    timer.lap("parse rows")
    var issues = document.issues + parsed.flatMap(\.issues)
    issues += repeats(in: rows, header)
    timer.lap("repeats in the file")
    // An empty register holds none of them: skip a query per row on a first import.
    if try await store.statistics().members > 0 {
      let cards = try await store.existingCardNumbers(rows.compactMap(\.member.partyCardNumber))
      let nationalIDs = try await store.existingNationalIDs(rows.compactMap(\.member.nationalID))
      for row in rows {
        if let card = row.member.partyCardNumber, cards.contains(card) {
          issues.append(
            ImportIssue(
              line: row.line, column: header.name(of: .cardNumber), "số thẻ đảng \(card) đã có trong cơ sở dữ liệu."))
        }
        if let nid = row.member.nationalID, nationalIDs.contains(nid) {
          issues.append(
            ImportIssue(
              line: row.line, column: header.name(of: .nationalID), "số căn cước \(nid) đã có trong cơ sở dữ liệu."))
        }
      }
    }
    let units = try await UnitDirectory.load(codes: Set(rows.map(\.cellCode)), from: store)
    let checked = ParallelWork.map(ParallelWork.pieces(rows.count)) {
      (range: Range<Int>) -> (batch: [NewMember], checks: [CheckedMember], issues: [ImportIssue]) in
      var batch: [NewMember] = []
      var checks: [CheckedMember] = []
      var issues: [ImportIssue] = []
      batch.reserveCapacity(range.count)
      checks.reserveCapacity(range.count)
      for row in rows[range] {
        if let problem = units.cellProblem(row.cellCode, on: row.joined) {
          issues.append(ImportIssue(line: row.line, column: header.name(of: .cellCode), problem))
          continue
        }
        let events = row.events(cell: units.unit(code: row.cellCode)!.id)
        do throws(DomainError) {
          // The identity was checked when the row was read; the timeline and the folded name are handed to
          // the store, so its writer does not work them out again.
          let timeline = try MemberTimeline(member: row.member, events: events, cell: units.check(cell:on:))
          checks.append(CheckedMember(timeline: timeline, searchName: SearchFolding.fold(row.member.fullName)))
        } catch {
          issues.append(
            ImportIssue(line: row.line, column: row.column(for: error).map(header.name(of:)), error.message))
          continue
        }
        batch.append(NewMember(member: row.member, events: events))
      }
      return (batch: batch, checks: checks, issues: issues)
    }
    issues += checked.flatMap(\.issues)
    let batch = checked.flatMap(\.batch)
    let checks = CheckedMembers(
      batch: batch, members: checked.flatMap(\.checks), units: units.checkedUnits, kinds: units.kinds)
    timer.lap("check units and histories")
    let count = try await run.finish(issues: issues, lines: rows.map(\.line), rows: batch.count) {
      try await write(batch, checked: checks, audit: $0, into: store)
    }
    timer.lap("write")
    return count
  }

  /// Writes the rows as checked here where the store takes a checked batch (SQLite's writer then only checks that
  /// the units are as they were read, decision 0016); any other store checks them again itself through
  /// `PartyStore.addMembers(_:audit:)`. Either way one transaction with the import's entry, the same refusals
  /// (a `BatchItemError` at the row's place), all or nothing.
  static func write(_ batch: [NewMember], checked: CheckedMembers, audit: ImportAudit?, into store: some PartyStore)
    async throws
  {
    if let bulk = store as? any BulkLoading {
      try await bulk.addMembers(checked, audit: audit)
    } else {
      try await store.addMembers(batch, audit: audit)
    }
  }

  struct Row: Sendable {
    var line: Int
    var member: Member
    var cellCode: String
    /// The day the member came into the cell: admitted there, or arrived from another province.
    var joined: Day
    var arrived: Bool
    var official: Day?
    var exemptFrom: Day?

    /// The history a row stands for: admitted into the cell (or received into it from another province),
    /// then made official and exempted when dated.
    func events(cell: Int64) -> [MembershipEvent] {
      var events = [
        MembershipEvent(memberID: 0, kind: arrived ? .transferredIn : .admitted, date: joined, cellID: cell)
      ]
      if let official { events.append(MembershipEvent(memberID: 0, kind: .madeOfficial, date: official)) }
      if let exemptFrom { events.append(MembershipEvent(memberID: 0, kind: .exempted, date: exemptFrom)) }
      return events
    }

    /// The column a refused history points at, so the person knows which date to look at.
    func column(for error: DomainError) -> Column? {
      switch error.code {
      case "member.tooYoung", "member.admittedTwice": arrived ? .arrivalDate : .admissionDate
      case "member.officialTooEarly", "member.officialTwice": .officialDate
      case "member.alreadyExempt", "member.notExempt": .exemptFrom
      case "member.notAdmitted":
        official.map { $0 < joined } ?? false ? .officialDate : .exemptFrom
      case "member.unknownCell", "member.cellNotExisting", "member.notACell": .cellCode
      default: nil
      }
    }
  }

  private static func parse(_ record: CSVRecord, _ p: inout RowParser<Column>, _ genders: inout GenderWords) -> Row? {
    let before = p.issues.count
    let name = p.text(.fullName, record, required: true)
    var gender: Gender?
    if let text = p.text(.gender, record, required: true) {
      gender = genders.gender(text)
      if gender == nil { p.report(record, .gender, "\"\(text)\" không phải giới tính (Nam hoặc Nữ).") }
    }
    let birth = p.day(.birthDate, record, required: true)
    let cell = p.text(.cellCode, record, required: true)
    let arrival = p.day(.arrivalDate, record)
    // A member admitted in another province and received here has an arrival date instead.
    let admission = p.day(.admissionDate, record, required: arrival.isAbsent)
    if arrival.value != nil && admission.value != nil {
      p.report(
        record, .arrivalDate,
        "chỉ ghi một trong hai ngày: ngày kết nạp (kết nạp tại chi bộ này) hoặc ngày chuyển đến (đã kết nạp ở tỉnh "
          + "khác, chuyển sinh hoạt đến).")
    }
    let official = p.day(.officialDate, record)
    let exempt = p.day(.exemptFrom, record)
    guard let name, let gender, let birth = birth.value, let cell, let joined = admission.value ?? arrival.value,
      !official.isBad, !exempt.isBad, !arrival.isBad
    else { return nil }
    let member = Member(
      fullName: name, gender: gender, birthDate: birth,
      ethnicity: p.header.field(.ethnicity, in: record), religion: p.header.field(.religion, in: record),
      nationalID: p.text(.nationalID, record), homeTown: p.header.field(.homeTown, in: record),
      partyCardNumber: p.text(.cardNumber, record), education: p.header.field(.education, in: record),
      politicalTheory: p.header.field(.politicalTheory, in: record),
      occupation: p.header.field(.occupation, in: record))
    do {
      if !IdentityShape.plainlyValid(member) { try MemberRules.checkIdentity(member) }
    } catch {
      let column: Column? =
        switch error.code {
        case "member.badNationalID": .nationalID
        case "member.badCardNumber": .cardNumber
        case "member.nameMissing": .fullName
        default: nil
        }
      p.report(record, column, error.message)
    }
    guard p.issues.count == before else { return nil }
    return Row(
      line: record.line, member: member, cellCode: cell, joined: joined, arrived: admission.value == nil,
      official: official.value, exemptFrom: exempt.value)
  }

  /// Card numbers and national IDs held by more than one row, reported on each later row.
  private static func repeats(in rows: [Row], _ header: Header<Column>) -> [ImportIssue] {
    var cardLine: [String: Int] = [:]
    var nationalIDLine: [String: Int] = [:]
    cardLine.reserveCapacity(rows.count)
    nationalIDLine.reserveCapacity(rows.count)
    var issues: [ImportIssue] = []
    for i in rows.indices {
      let line = rows[i].line
      if let card = rows[i].member.partyCardNumber {
        if let first = cardLine.updateValue(line, forKey: card) {
          cardLine[card] = first
          issues.append(
            ImportIssue(
              line: line, column: header.name(of: .cardNumber), "Số thẻ đảng \(card) trùng với dòng \(first)."))
        }
      }
      if let nid = rows[i].member.nationalID {
        if let first = nationalIDLine.updateValue(line, forKey: nid) {
          nationalIDLine[nid] = first
          issues.append(
            ImportIssue(line: line, column: header.name(of: .nationalID), "Số căn cước \(nid) trùng với dòng \(first).")
          )
        }
      }
    }
    return issues
  }
}

/// Gender words seen so far: a file says "Nam" or "Nữ" half a million times, so fold each spelling once.
struct GenderWords {
  private var known: [String: Gender?] = [:]

  mutating func gender(_ text: String) -> Gender? {
    if let cached = known[text] { return cached }
    let parsed = Gender(parsing: text)
    known[text] = parsed
    return parsed
  }
}
