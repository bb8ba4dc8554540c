import DangVuCore
import DangVuTestFixtures
import Foundation
import Testing

@testable import DangVuStore

@Suite("XLSX: blank workbooks to fill in")
struct ImportTemplateTests {
  /// What reads each drop-down column's words in the import, by the column's name.
  static func accepts(_ column: String, _ word: String, in kind: ImportFileKind) -> Bool {
    switch (column, kind) {
    case ("loai", .organisations): UnitKindWords(UnitKindTable.standard).kind(word) != nil
    case ("loai", .inspections): OversightKind(parsing: word) != nil
    case ("loai", .complaints): ["khieu nai", "to cao"].contains(SearchFolding.words(word).joined(separator: " "))
    case ("gioi_tinh", _): Gender(parsing: word) != nil
    case ("loai_su_kien", _): EventKindWords.kind(word) != nil
    case ("co_quan", _): ConductingBody.Organ(parsing: word) != nil
    case ("doi_tuong", _): GradesFile.subjectKind(word) != nil
    case ("vi_pham", _), ("tu_phat_hien_khac_phuc", _), ("dung_han", _): ["có", "không"].contains(word)
    case ("khung", _): SubjectGroup(parsing: word) != nil
    case ("hinh_thuc", _), ("hinh_thuc_moi", _): DisciplineForm(parsing: word) != nil
    case ("ket_qua", _): ["giữ nguyên", "thay đổi", "xóa bỏ"].contains(word)
    case ("ket_luan", .complaints): Complaint.Finding(parsing: word) != nil
    case ("xep_loai", _): GradeOutcome(parsing: word) != nil
    case ("ly_do", _):
      GradesFile.reason(word).map { r in [.member, .organisation, .cadre].contains { r.nameVi(for: $0) == word } }
        ?? false
    case ("chuc_vu", _): PostsFile.kind(word, among: PostKind.standard) != nil
    case ("loai_tap_the", _): CollectivesFile.kind(word) != nil
    default: false
    }
  }

  @Test(arguments: ImportFileKind.allCases)
  func everyListedWordIsOneTheImportReads(_ kind: ImportFileKind) throws {
    let sheets = ImportTemplate.sheets(kind)
    // The population file has no column of set words, and so no list sheet.
    guard kind != .population else { return #expect(sheets.count == 1) }
    let lists = try sheetText(try WorkbookWriter.bytes(sheets), sheet: ImportTemplate.listSheet)
    let headers = lists.first ?? []
    for (index, header) in headers.enumerated() {
      let column = Header<PopulationFile.Column>.key(header)
      for row in lists.dropFirst() where !row[index].isEmpty {
        #expect(Self.accepts(column, row[index], in: kind), "\(kind): \(column) offers \"\(row[index])\"")
      }
    }
    // Every drop-down points into the list sheet.
    for column in sheets[0].columns {
      if let source = column.choices { #expect(source.hasPrefix("'Danh sách chọn'!$")) }
    }
  }

  @Test(arguments: ImportFileKind.allCases)
  func theHeaderReadsBackAsTheKindsColumnsAndTheExampleRowIsComplete(_ kind: ImportFileKind) throws {
    let rows = try sheetText(try ImportTemplate.bytes(kind))
    #expect(rows.count == 2)
    let expected: [String] =
      switch kind {
      case .organisations: OrganisationsFile.Column.allCases.map(\.vietnamese)
      case .members: MembersFile.Column.allCases.map(\.vietnamese)
      case .events: EventsFile.Column.allCases.map(\.vietnamese)
      case .population: PopulationFile.Column.allCases.map(\.vietnamese)
      case .inspections: InspectionsFile.Column.allCases.map(\.vietnamese)
      case .discipline: DisciplineFile.Column.allCases.map(\.vietnamese)
      case .appeals: AppealsFile.Column.allCases.map(\.vietnamese)
      case .complaints: ComplaintsFile.Column.allCases.map(\.vietnamese)
      case .grades: GradesFile.Column.allCases.map(\.vietnamese)
      case .posts: PostsFile.Column.allCases.map(\.vietnamese)
      case .collectives: CollectivesFile.Column.allCases.map(\.vietnamese)
      }
    #expect(rows[0].map { Header<PopulationFile.Column>.key($0) } == expected)
    #expect(rows[0].allSatisfy { $0 != Header<PopulationFile.Column>.key($0) }, "headers carry their marks")
  }

  @Test func theMembersTemplatesExampleRowImports() async throws {
    let store = try await ImportProvince.store()
    #expect(try await ImportFileKind.members.importing(workbook: try ImportTemplate.bytes(.members), into: store) == 1)
    #expect(try await store.member(cardNumber: "10000001")?.nationalID == "091075000001")
  }

  @Test func codeColumnsAreFormattedAsTextSoExcelKeepsTheirZeros() {
    let columns = ImportTemplate.sheets(.members)[0].columns
    #expect(columns.filter(\.keepsText).map(\.header) == ["Số thẻ", "Số CCCD", "Mã chi bộ"])
  }
}
