import DangVuCore

/// A blank workbook to fill in for one kind of import: the header row (every column, with its marks), one
/// example row, codes formatted as text so Excel keeps their zeros, and drop-down lists (on a second sheet)
/// of the words the import reads for kinds, grades, forms and yes/no.
public enum ImportTemplate {
  static let listSheet = "Danh sách chọn"

  public static func bytes(_ kind: ImportFileKind) throws -> [UInt8] {
    try WorkbookWriter.bytes(sheets(kind))
  }

  static func sheets(_ kind: ImportFileKind) -> [WorkbookSheet] {
    switch kind {
    case .organisations: sheets(OrganisationsFile.Column.self, kind)
    case .members: sheets(MembersFile.Column.self, kind)
    case .events: sheets(EventsFile.Column.self, kind)
    case .population: sheets(PopulationFile.Column.self, kind)
    case .inspections: sheets(InspectionsFile.Column.self, kind)
    case .discipline: sheets(DisciplineFile.Column.self, kind)
    case .appeals: sheets(AppealsFile.Column.self, kind)
    case .complaints: sheets(ComplaintsFile.Column.self, kind)
    case .grades: sheets(GradesFile.Column.self, kind)
    case .posts: sheets(PostsFile.Column.self, kind)
    case .collectives: sheets(CollectivesFile.Column.self, kind)
    }
  }

  private static func sheets<Column: FileColumn>(_ type: Column.Type, _ kind: ImportFileKind) -> [WorkbookSheet] {
    let columns = Column.allCases
    let example = examples[kind] ?? [:]
    var lists: [(header: String, words: [String])] = []
    var sheetColumns: [WorkbookSheet.Column] = []
    for column in columns {
      var source: String?
      if let words = choices[column.vietnamese].map({ $0(kind) }), !words.isEmpty {
        let letter = CellReference.letters(lists.count)
        source = "'\(listSheet)'!$\(letter)$2:$\(letter)$\(words.count + 1)"
        lists.append((ColumnLabels.label(column.vietnamese), words))
      }
      sheetColumns.append(
        WorkbookSheet.Column(
          header: ColumnLabels.label(column.vietnamese), keepsText: column.cellKind == .identifier, choices: source))
    }
    let row = columns.map { RegisterWorkbook.cell(example[$0.vietnamese] ?? "", kind: $0.cellKind) }
    var sheets = [WorkbookSheet(name: kind.nameVi, columns: sheetColumns, rows: [row])]
    if !lists.isEmpty {
      let height = lists.map(\.words.count).max() ?? 0
      sheets.append(
        WorkbookSheet(
          name: listSheet, columns: lists.map { WorkbookSheet.Column(header: $0.header) },
          rows: (0..<height).map { i in lists.map { i < $0.words.count ? WorkbookCell.text($0.words[i]) : .empty } }))
    }
    return sheets
  }

  /// The words offered per column, by the column's Vietnamese name; some depend on the file (`loai`, `doi_tuong`).
  /// Each is a word the file's parser accepts (UnitKindWords, EventKindWords, OversightKind, DisciplineForm,
  /// GradeOutcome…); a test reads every one back through its parser.
  static let choices: [String: @Sendable (ImportFileKind) -> [String]] = [
    "loai": { kind in
      switch kind {
      case .organisations: UnitKindTable.standard.kinds.map(\.nameVi)
      case .inspections: OversightKind.allCases.map(\.nameVi)
      case .complaints: ["khiếu nại", "tố cáo"]
      default: []
      }
    },
    "gioi_tinh": { _ in ["Nam", "Nữ"] },
    "loai_su_kien": { _ in MembershipEventKind.allCases.map(\.nameVi) },
    "co_quan": { _ in ["cấp ủy", "ủy ban kiểm tra"] },
    "doi_tuong": { kind in kind == .grades ? ["đảng viên", "tổ chức", "tập thể", "cán bộ"] : ["đảng viên", "tổ chức"] },
    "vi_pham": { _ in ["có", "không"] },
    "dung_han": { _ in ["có", "không"] },
    "khung": { _ in SubjectGroup.allCases.map(\.nameVi) },
    "tu_phat_hien_khac_phuc": { _ in ["có", "không"] },
    "hinh_thuc": { _ in DisciplineForm.allCases.map(\.nameVi) },
    "hinh_thuc_moi": { _ in DisciplineForm.allCases.map(\.nameVi) },
    "ket_qua": { _ in ["giữ nguyên", "thay đổi", "xóa bỏ"] },
    "ket_luan": { kind in kind == .complaints ? ["đúng", "sai", "đúng một phần"] : [] },
    "xep_loai": { _ in Grade.allCases.map(\.nameVi) + ["chưa đánh giá"] },
    "ly_do": { _ in NotEvaluatedReason.allNamesVi },
    "chuc_vu": { _ in PostKind.standard.map(\.nameVi) },
    "loai_tap_the": { _ in CollectiveKind.standard.map(\.nameVi) },
  ]

  /// One example row per kind, as in docs/import-formats.md.
  static let examples: [ImportFileKind: [String: String]] = [
    .organisations: [
      "ma": "KG.01.001", "ten": "Đảng bộ xã Bình An", "loai": "đảng bộ cơ sở", "ma_cap_tren": "KG.01",
      "ngay_thanh_lap": "1990-01-01",
    ],
    .members: [
      "so_the": "10000001", "ho_ten": "Nguyễn Văn An", "gioi_tinh": "Nam", "ngay_sinh": "1975-03-15", "dan_toc": "Kinh",
      "ton_giao": "Không", "so_cccd": "091075000001", "que_quan": "Châu Thành, Kiên Giang",
      "trinh_do_hoc_van": "Đại học", "ly_luan_chinh_tri": "Trung cấp", "nghe_nghiep": "Giáo viên",
      "ma_chi_bo": "KG.01.001.01", "ngay_ket_nap": "2000-05-19", "ngay_chinh_thuc": "2001-05-19",
    ],
    .events: [
      "so_the": "10000001", "loai_su_kien": "chuyển sinh hoạt đảng", "ngay": "2015-06-01", "ma_chi_bo": "KG.01.002",
      "ghi_chu": "Quyết định số 12-QĐ/ĐU",
    ],
    .population: ["ma_to_chuc": "KG", "nam": "2023", "dan_so": "1723067"],
    .inspections: [
      "ma_cuoc": "K1", "loai": "giám sát chuyên đề", "co_quan": "ủy ban kiểm tra", "don_vi": "KG.01",
      "noi_dung": "Giám sát việc học tập nghị quyết", "ngay_bat_dau": "2023-02-01", "ngay_ket_luan": "2023-03-30",
      "doi_tuong": "đảng viên", "ma_doi_tuong": "10000001", "vi_pham": "không",
    ],
    .discipline: [
      "so_quyet_dinh": "12-QĐ/UBKT", "doi_tuong": "đảng viên", "ma_doi_tuong": "10000001", "hinh_thuc": "cảnh cáo",
      "noi_dung_vi_pham": "tham nhũng", "co_quan": "ủy ban kiểm tra", "don_vi": "KG.01",
      "ngay_quyet_dinh": "2023-03-15", "ngay_vi_pham": "2023-01-01", "tu_phat_hien_khac_phuc": "không",
    ],
    .appeals: [
      "so_quyet_dinh": "12-QĐ/UBKT", "ngay_nhan": "2023-03-20", "ngay_giai_quyet": "2023-04-20", "ket_qua": "thay đổi",
      "hinh_thuc_moi": "khiển trách",
    ],
    .complaints: [
      "loai": "tố cáo", "doi_tuong": "đảng viên", "ma_doi_tuong": "10000001", "ngay_nhan": "2023-02-01",
      "ngay_giai_quyet": "2023-03-01", "ket_luan": "đúng một phần",
    ],
    .grades: ["doi_tuong": "đảng viên", "ma": "10000001", "xep_loai": "hoàn thành tốt nhiệm vụ"],
    .posts: [
      "so_the": "10000001", "ma_to_chuc": "KG.01.001.01", "chuc_vu": "Bí thư", "ngay_bat_dau": "2020-10-01",
      "ngay_thoi_giu": "2025-10-01", "ghi_chu": "Nghị quyết Đại hội chi bộ nhiệm kỳ 2020-2025",
    ],
    .collectives: [
      "ma_to_chuc": "KG.01.001", "ten_tap_the": "Ban Thường vụ Đảng ủy xã Bình An nhiệm kỳ 2020-2025",
      "loai_tap_the": "Ban Thường vụ", "ngay_bat_dau": "2020-10-01", "ngay_ket_thuc": "2025-10-01",
      "so_the": "10000001", "ngay_tham_gia": "2020-10-01", "ngay_thoi_tham_gia": "2025-10-01",
    ],
  ]
}
