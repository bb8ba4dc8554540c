import Foundation
import Testing

/// `dangvu import` through the real binary: `--check` writes nothing, a written import is one audit entry under
/// the system user, progress goes to standard error, and grades are an import kind with their year.
@Suite("End to end: import checks, progress and audit")
struct ImportCommandTests {
  @Test func aCheckWritesNothingAndAWriteIsAuditedOnce() throws {
    let dir = try DangVuBinary.scratch()
    try Data(SmallProvinceFiles.organisations.utf8).write(to: dir.appendingPathComponent("org.csv"))
    try Data(SmallProvinceFiles.members.utf8).write(to: dir.appendingPathComponent("members.csv"))
    #expect(try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir).status == 0)

    let check = try DangVuBinary.run(["import", "members", "members.csv", "--check"], in: dir)
    #expect(check.status == 0, "\(check.err)")
    #expect(check.out == "Tệp members.csv hợp lệ: 2 đảng viên sẽ được ghi (chưa ghi gì).\n")
    // Not a terminal: one progress line per tenth of each phase.
    #expect(check.err.contains("Kiểm tra từng dòng: 100% (2/2)"))
    let none = try DangVuBinary.run(["members", "search", "dang"], in: dir)
    #expect(!none.out.contains("Đặng Văn Hùng"), "a check wrote members")

    let write = try DangVuBinary.run(["import", "members", "members.csv"], in: dir)
    #expect(write.status == 0, "\(write.err)")
    #expect(write.err.contains("Ghi vào cơ sở dữ liệu: 100% (2/2)"))
    let audit = try DangVuBinary.run(["audit", "list", "--action", "import.file"], in: dir)
    #expect(audit.status == 0, "\(audit.err)")
    #expect(audit.out.contains("file:members.csv"))
    let entries = audit.out.split(separator: "\n").filter { $0.contains("file:") }
    #expect(entries.count == 2, "one entry per written import (organisations, members): \(audit.out)")
    #expect(try DangVuBinary.run(["audit", "verify"], in: dir).status == 0)
  }

  @Test func gradesNeedTheirYear() throws {
    let dir = try DangVuBinary.scratch()
    try Data(SmallProvinceFiles.organisations.utf8).write(to: dir.appendingPathComponent("org.csv"))
    #expect(try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir).status == 0)
    try Data("doi_tuong,ma,xep_loai\ntổ chức,KG.01.001,tốt\n".utf8).write(to: dir.appendingPathComponent("g.csv"))
    let refused = try DangVuBinary.run(["import", "grades", "g.csv", "--check"], in: dir)
    #expect(refused.status != 0)
    #expect(refused.err.contains("hãy chọn năm của đợt đánh giá"))
  }
}
