import DangVuCore

/// A register export (organisations, members, events, population) as a workbook: the rows the CSV export
/// writes, in the same columns, so a workbook imports back exactly as the CSV file does; with headers that
/// carry their marks, dates as dates, numbers as numbers and codes as text.
public enum RegisterWorkbook {
  /// The sheet of a register export, from the CSV the export wrote.
  public static func sheet(_ kind: ImportFileKind, csv: [UInt8]) throws -> WorkbookSheet {
    switch kind {
    case .organisations: try sheet(OrganisationsFile.Column.self, name: kind.nameVi, csv: csv)
    case .members: try sheet(MembersFile.Column.self, name: kind.nameVi, csv: csv)
    case .events: try sheet(EventsFile.Column.self, name: kind.nameVi, csv: csv)
    case .population: try sheet(PopulationFile.Column.self, name: kind.nameVi, csv: csv)
    case .inspections: try sheet(InspectionsFile.Column.self, name: kind.nameVi, csv: csv)
    case .discipline: try sheet(DisciplineFile.Column.self, name: kind.nameVi, csv: csv)
    case .appeals: try sheet(AppealsFile.Column.self, name: kind.nameVi, csv: csv)
    case .complaints: try sheet(ComplaintsFile.Column.self, name: kind.nameVi, csv: csv)
    case .grades: try sheet(GradesFile.Column.self, name: kind.nameVi, csv: csv)
    case .posts: try sheet(PostsFile.Column.self, name: kind.nameVi, csv: csv)
    case .collectives: try sheet(CollectivesFile.Column.self, name: kind.nameVi, csv: csv)
    }
  }

  static func sheet<Column: FileColumn>(_ type: Column.Type, name: String, csv: [UInt8]) throws -> WorkbookSheet {
    let document = try CSVDocument(bytes: csv)
    let header = try Header<Column>(document.header)
    let columns = Column.allCases.filter(header.has)
    let rows = document.records.map { record in
      columns.map { column in cell(header.field(column, in: record), kind: column.cellKind) }
    }
    return WorkbookSheet(
      name: name,
      columns: columns.map {
        WorkbookSheet.Column(header: ColumnLabels.label($0.vietnamese), keepsText: $0.cellKind == .identifier)
      },
      rows: rows)
  }

  static func cell(_ field: String, kind: CellKind) -> WorkbookCell {
    if field.isEmpty { return .empty }
    switch kind {
    case .date: return Day(parsing: field).map(WorkbookCell.date) ?? .text(field)
    case .number: return Int(field).map(WorkbookCell.integer) ?? .text(field)
    case .text, .identifier: return .text(field)
    }
  }
}
