import Foundation
import Testing

/// `dangvu user token` issues with an expiry, lists and revokes; `dangvu user passwd` ends the tokens;
/// each of these writes, and `user add|role|disable`, is in the audit trail under the operating-system user.
@Suite struct UserTokenCommandTests {
  @Test func tokensAreIssuedListedRevokedAndEndedByANewPassword() throws {
    let dir = try DangVuBinary.scratch()
    let org = "ma,ten,loai,ma_cap_tren,ngay_thanh_lap\nKG,Đảng bộ tỉnh Kiên Giang,provincialCommittee,,01/01/1976\n"
    try Data(org.utf8).write(to: dir.appendingPathComponent("org.csv"))
    #expect(try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir).status == 0)
    let add = try DangVuBinary.run(
      ["user", "add", "quantri", "--name", "Quản trị", "--role", "administrator", "--scope", "KG"], in: dir,
      input: "mat-khau-rat-dai\n")
    #expect(add.status == 0, "\(add.err)")

    let first = try DangVuBinary.run(["user", "token", "quantri", "--name", "kế toán", "--days", "7"], in: dir)
    #expect(first.status == 0 && first.err.contains("Mã truy cập API số 1"), "\(first.err)")
    let second = try DangVuBinary.run(["user", "token", "issue", "quantri", "--name", "bảng tin"], in: dir)
    #expect(second.status == 0)
    let tooLong = try DangVuBinary.run(["user", "token", "quantri", "--name", "mãi", "--days", "400"], in: dir)
    #expect(tooLong.status != 0 && tooLong.err.contains("từ 1 đến 365 ngày"))

    let listed = try DangVuBinary.run(["user", "token", "list"], in: dir)
    #expect(listed.out.contains("1\tquantri\tkế toán") && listed.out.contains("2\tquantri\tbảng tin"))
    #expect(listed.out.components(separatedBy: "đang dùng được").count == 3)

    let revoke = try DangVuBinary.run(["user", "token", "revoke", "1"], in: dir)
    #expect(revoke.status == 0 && revoke.out.contains("Đã thu hồi mã truy cập số 1"))
    let unknown = try DangVuBinary.run(["user", "token", "revoke", "99"], in: dir)
    #expect(unknown.status != 0 && unknown.err.contains("Không có mã truy cập số 99"))

    let passwd = try DangVuBinary.run(["user", "passwd", "quantri"], in: dir, input: "mat-khau-moi-dai\n")
    #expect(passwd.status == 0 && passwd.out.contains("mã truy cập API cũ đã kết thúc"))
    let after = try DangVuBinary.run(["user", "token", "list", "--login", "quantri"], in: dir)
    #expect(after.out.components(separatedBy: "đã thu hồi").count == 3, "\(after.out)")

    let role = try DangVuBinary.run(["user", "role", "quantri", "--role", "leader", "--scope", "KG"], in: dir)
    #expect(role.status == 0, "\(role.err)")
    #expect(try DangVuBinary.run(["user", "disable", "quantri"], in: dir).status == 0)

    let audit = try DangVuBinary.run(["audit", "list", "--action", "account", "--details"], in: dir)
    #expect(audit.status == 0, "\(audit.err)")
    for action in [
      "Tạo tài khoản", "Cấp mã truy cập API", "Thu hồi mã truy cập API", "Đổi mật khẩu",
      "Đổi vai trò hoặc phạm vi tài khoản", "Khóa hoặc mở lại tài khoản",
    ] {
      #expect(audit.out.contains(action), "\(action): \(audit.out)")
    }
    #expect(audit.out.contains("(dòng lệnh trên máy chủ)"), "written by the command line's user")
    // The role change keeps the account before and after; no entry holds a password hash.
    #expect(audit.out.contains(#""role":"administrator""#) && audit.out.contains(#""role":"leader""#))
    #expect(audit.out.contains(#""disabled":true"#))
    #expect(!audit.out.contains("$2"), "a bcrypt hash in the trail")
    #expect(try DangVuBinary.run(["audit", "verify"], in: dir).status == 0)
  }
}
