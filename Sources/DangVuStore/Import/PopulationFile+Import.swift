import DangVuCore

extension PopulationFile {
  /// Reads a population file and writes every figure in one store batch (a figure already recorded for
  /// that unit and year is replaced); or refuses the whole file with every bad row listed.
  public static func importing(_ bytes: [UInt8], into store: some PartyStore) async throws -> Int {
    try await importing(CSVDocument(bytes: bytes), run: .writing, into: store)
  }

  /// The records of a CSV file or of a workbook's sheet (`SheetDocument`): one set of checks for both.
  static func importing(_ document: CSVDocument, run: ImportRun, into store: some PartyStore) async throws -> Int {
    let header = try Header<Column>(document.header)
    var parser = RowParser(header: header, issues: document.issues)
    var rows: [(line: Int, code: String, year: Int, people: Int)] = []
    for record in document.records {
      let before = parser.issues.count
      let code = parser.text(.organisationCode, record, required: true)
      let year = parser.integer(.year, record, in: years)
      let people = parser.integer(.population, record, in: 0...2_000_000_000)
      if parser.issues.count == before, let code, let year, let people {
        rows.append((record.line, code, year, people))
      }
    }
    var issues = parser.issues
    let units = try await UnitDirectory.load(codes: Set(rows.map(\.code)), from: store)
    var firstLine: [String: Int] = [:]
    var batch: [Population] = []
    var lines: [Int] = []
    for row in rows {
      guard let unit = units.unit(code: row.code) else {
        issues.append(
          ImportIssue(
            line: row.line, column: header.name(of: .organisationCode),
            "không có tổ chức nào mã \"\(row.code)\" trong cơ sở dữ liệu."))
        continue
      }
      let key = "\(row.code)|\(row.year)"
      if let first = firstLine[key] {
        issues.append(
          ImportIssue(
            line: row.line, column: header.name(of: .year),
            "dân số năm \(row.year) của \(row.code) đã có ở dòng \(first)."))
        continue
      }
      firstLine[key] = row.line
      batch.append(Population(organisationID: unit.id, year: row.year, people: row.people))
      lines.append(row.line)
    }
    return try await run.finish(issues: issues, lines: lines, rows: batch.count) {
      try await store.setPopulation(batch, audit: $0)
    }
  }
}
