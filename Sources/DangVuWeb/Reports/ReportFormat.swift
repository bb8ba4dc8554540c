import DangVuStore

/// The downloads every report page offers besides itself (`&dinh-dang=…`).
enum ReportFormat: String, CaseIterable, Sendable {
  case csv, xlsx, json, txt, docx

  var contentType: String {
    switch self {
    case .csv: "text/csv; charset=utf-8"
    case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    case .json: "application/json; charset=utf-8"
    case .txt: "text/plain; charset=utf-8"
    case .docx: WordPackage.contentType
    }
  }

  /// How the download link reads on the page.
  var labelVi: String {
    switch self {
    case .csv: "Bảng số liệu (CSV, dấu phẩy)"
    case .xlsx: "Bảng số liệu (Excel, XLSX)"
    case .json: "Dữ liệu (JSON)"
    case .txt: "Văn bản báo cáo (TXT)"
    case .docx: "Báo cáo theo thể thức văn bản của Đảng (Word)"
    }
  }
}
