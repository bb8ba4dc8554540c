import Foundation
import Testing

/// XLSX through the real binary: a register exported as workbooks and imported into another database, a report
/// table and a blank workbook written, and a refused workbook naming its cell.
@Suite("End to end: workbooks on the command line")
struct WorkbookCommandTests {
  func write(_ text: String, _ name: String, in dir: URL) throws {
    try Data(text.utf8).write(to: dir.appendingPathComponent(name))
  }

  func isWorkbook(_ name: String, in dir: URL) throws -> Bool {
    try Data(contentsOf: dir.appendingPathComponent(name)).starts(with: [0x50, 0x4B, 0x03, 0x04])
  }

  @Test func aRegisterExportedAsWorkbooksImportsIntoAnotherDatabase() throws {
    let dir = try DangVuBinary.scratch()
    try write(SmallProvinceFiles.organisations, "org.csv", in: dir)
    try write(SmallProvinceFiles.members, "members.csv", in: dir)
    #expect(try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir).status == 0)
    #expect(try DangVuBinary.run(["import", "members", "members.csv"], in: dir).status == 0)

    for kind in ["organisations", "members"] {
      let export = try DangVuBinary.run(["export", kind, "--format", "xlsx", "--output", "\(kind).xlsx"], in: dir)
      #expect(export.status == 0, "\(export.err)")
      #expect(try isWorkbook("\(kind).xlsx", in: dir))
    }
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("members.xlsx.partial").path))
    let orgs = try DangVuBinary.run(["import", "organisations", "organisations.xlsx", "--db", "copy.sqlite"], in: dir)
    #expect(orgs.status == 0, "\(orgs.err)")
    let members = try DangVuBinary.run(["import", "members", "members.xlsx", "--db", "copy.sqlite"], in: dir)
    #expect(members.status == 0, "\(members.err)")
    #expect(members.out == "Đã nhập 2 đảng viên từ members.xlsx.\n")
    let search = try DangVuBinary.run(["members", "search", "dang", "--db", "copy.sqlite"], in: dir)
    #expect(search.out.contains("Đặng Văn Hùng"))

    let report = try DangVuBinary.run(
      ["report", "membership", "--period", "2023", "--format", "xlsx", "--output", "bao-cao.xlsx"], in: dir)
    #expect(report.status == 0, "\(report.err)")
    #expect(try isWorkbook("bao-cao.xlsx", in: dir))
  }

  @Test func aBlankWorkbookIsWrittenAndARefusedWorkbookNamesItsCell() throws {
    let dir = try DangVuBinary.scratch()
    try write(SmallProvinceFiles.organisations, "org.csv", in: dir)
    try write(SmallProvinceFiles.members, "members.csv", in: dir)
    #expect(try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir).status == 0)
    #expect(try DangVuBinary.run(["import", "members", "members.csv"], in: dir).status == 0)
    let template = try DangVuBinary.run(["export", "template", "members", "--output", "mau.xlsx"], in: dir)
    #expect(template.status == 0, "\(template.err)")
    #expect(try isWorkbook("mau.xlsx", in: dir))
    // The example row's card number is already in the register: refused at its cell, nothing written.
    let refused = try DangVuBinary.run(["import", "members", "mau.xlsx"], in: dir)
    #expect(refused.status != 0)
    #expect(refused.err.contains("ô 'Đảng viên'!A2 (cột Số thẻ): số thẻ đảng 10000001 đã có trong cơ sở dữ liệu."))
    let missing = try DangVuBinary.run(["import", "members", "mau.xlsx", "--sheet", "Sheet9"], in: dir)
    #expect(missing.err.contains("sổ tính không có trang \"Sheet9\""))
  }
}
