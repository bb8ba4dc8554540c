import DangVuStore

extension Links {
  static let importTemplates = "/mau-nhap"

  static func importTemplate(_ kind: ImportFileKind) -> String { "/mau-nhap/\(kind.rawValue).xlsx" }
}
