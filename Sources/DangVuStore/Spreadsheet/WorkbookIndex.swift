import Foundation

/// What `xl/workbook.xml` and its relationships say: the sheets in order, where each sheet's part is, and
/// which date system the serials use.
struct WorkbookIndex {
  struct Sheet {
    var name: String
    var path: String
  }

  var sheets: [Sheet] = []
  var date1904 = false

  init(_ archive: WorkbookArchive) throws(ImportError) {
    let workbookPath = try Self.officeDocumentPath(archive)
    guard let workbook = try archive.part(workbookPath) else {
      throw Self.damaged("không có phần \(workbookPath)")
    }
    let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
    let relsPath =
      (folder.isEmpty ? "" : folder + "/") + "_rels/"
      + (workbookPath.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels"
    let targets = try Self.relationships(archive.part(relsPath))
    var named: [(name: String, id: String)] = []
    var date1904 = false
    let wellFormed = XMLEvents.parse(workbook) { _, name, attributes in
      switch name {
      case "sheet":
        if let sheetName = attributes["name"], let id = attributes["r:id"] ?? attributes["id"] {
          named.append((sheetName, id))
        }
      case "workbookPr":
        date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
      default: break
      }
    }
    guard wellFormed else { throw Self.damaged("phần \(workbookPath) không phải XML hợp lệ") }
    self.date1904 = date1904
    for sheet in named {
      guard let target = targets[sheet.id] else { continue }
      let path = target.hasPrefix("/") ? String(target.dropFirst()) : (folder.isEmpty ? "" : folder + "/") + target
      sheets.append(Sheet(name: sheet.name, path: path))
    }
  }

  /// The workbook part named by the package's root relationships; `xl/workbook.xml` when they are missing.
  private static func officeDocumentPath(_ archive: WorkbookArchive) throws(ImportError) -> String {
    var path: String?
    if let rels = try archive.part("_rels/.rels") {
      _ = XMLEvents.parse(rels) { _, name, attributes in
        if name == "Relationship", attributes["Type"]?.hasSuffix("/officeDocument") == true {
          path = attributes["Target"]
        }
      }
    }
    let found = path ?? "xl/workbook.xml"
    return found.hasPrefix("/") ? String(found.dropFirst()) : found
  }

  private static func relationships(_ data: Data?) throws(ImportError) -> [String: String] {
    guard let data else { return [:] }
    var targets: [String: String] = [:]
    _ = XMLEvents.parse(data) { _, name, attributes in
      if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
    return targets
  }

  static func damaged(_ what: String) -> ImportError {
    ImportError([
      ImportIssue(
        line: nil, "sổ tính bị hỏng (\(what)); hãy mở bằng Excel và lưu lại dạng \"Excel Workbook (*.xlsx)\".")
    ])
  }
}
