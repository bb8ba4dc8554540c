import DangVuCore

extension ImportFileKind {
  /// Whether a file is a workbook (XLSX, a ZIP archive) rather than CSV text, by its first bytes: a CSV file
  /// never starts with `PK\u{3}\u{4}`, and an .xlsx saved under another name is still a workbook.
  public static func isWorkbook(_ bytes: [UInt8]) -> Bool { WorkbookArchive.looksLikeZIP(bytes) }

  /// Reads one sheet of a workbook (the first, or `sheet`) into the store through the same checks as a CSV
  /// file of this kind, all rows or none; the issues name the sheet and cell (`Sheet1!F12`).
  public func importing(workbook bytes: [UInt8], sheet: String? = nil, into store: some PartyStore) async throws -> Int
  {
    var timer = PhaseTimer()
    let (content, date1904) = try WorkbookReader.sheet(in: bytes, named: sheet)
    timer.lap("read workbook")
    switch self {
    case .organisations:
      return try await SheetDocument<OrganisationsFile.Column>(content, date1904: date1904).checked {
        try await OrganisationsFile.importing($0, into: store)
      }
    case .members:
      return try await SheetDocument<MembersFile.Column>(content, date1904: date1904).checked {
        try await MembersFile.importing($0, into: store)
      }
    case .events:
      return try await SheetDocument<EventsFile.Column>(content, date1904: date1904).checked {
        try await EventsFile.importing($0, into: store)
      }
    case .population:
      return try await SheetDocument<PopulationFile.Column>(content, date1904: date1904).checked {
        try await PopulationFile.importing($0, into: store)
      }
    case .inspections:
      return try await SheetDocument<InspectionsFile.Column>(content, date1904: date1904).checked {
        try await InspectionsFile.importing($0, into: store)
      }
    case .discipline:
      return try await SheetDocument<DisciplineFile.Column>(content, date1904: date1904).checked {
        try await DisciplineFile.importing($0, into: store)
      }
    case .appeals:
      return try await SheetDocument<AppealsFile.Column>(content, date1904: date1904).checked {
        try await AppealsFile.importing($0, into: store)
      }
    case .complaints:
      return try await SheetDocument<ComplaintsFile.Column>(content, date1904: date1904).checked {
        try await ComplaintsFile.importing($0, into: store)
      }
    }
  }

  /// A CSV file or a workbook, told apart by content.
  public func importing(file bytes: [UInt8], sheet: String? = nil, into store: some PartyStore) async throws -> Int {
    if Self.isWorkbook(bytes) { return try await importing(workbook: bytes, sheet: sheet, into: store) }
    return try await importing(bytes, into: store)
  }
}

extension GradesFile {
  /// A year's grades from one sheet of a workbook, through the same checks as the CSV file.
  public static func importing(workbook bytes: [UInt8], sheet: String? = nil, year: Int, into store: some PartyStore)
    async throws -> [RecordedGrade]
  {
    let (content, date1904) = try WorkbookReader.sheet(in: bytes, named: sheet)
    return try await SheetDocument<Column>(content, date1904: date1904).checked {
      try await importing($0, year: year, into: store)
    }
  }
}
