import DangVuStore

extension Links {
  static let imports = "/nhap-tep"
  static let importConfirmation = "/nhap-tep/xac-nhan"

  static func imports(_ kind: ImportFileKind) -> String { "/nhap-tep?loai=\(kind.rawValue)" }

  static func importProgress(_ job: String) -> String { "/nhap-tep/tien-do/\(job)" }
}
