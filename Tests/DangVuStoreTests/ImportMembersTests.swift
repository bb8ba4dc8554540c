import DangVuCore
import DangVuTestFixtures
import Foundation
import Testing

@testable import DangVuStore

@Suite("Import: the members file")
struct ImportMembersTests {
  let header = ImportProvince.membersHeader

  @Test func addsEveryMemberWithTheHistoryItsDatesStandFor() async throws {
    let store = try await ImportProvince.store()
    #expect(try await MembersFile.importing(bytes(ImportProvince.twoMembers), into: store) == 2)
    let an = try #require(try await store.member(cardNumber: "10000001"))
    #expect(an.fullName == "Nguyễn Văn An")
    #expect(an.nationalID == "091075000001")
    #expect(an.occupation == "Giáo viên")
    let timeline = try await store.timeline(ofMember: an.id)
    #expect(timeline.admissionDate == day("2000-05-19"))
    #expect(timeline.officialDate == day("2001-05-19"))
    let lan = try #require(try await store.member(cardNumber: "10000002"))
    #expect(lan.gender == .female)
    #expect(lan.nationalID == nil)
    #expect(try await store.timeline(ofMember: lan.id).span(on: day("2010-01-01"))?.standing == .probationary)
  }

  @Test func acceptsBOMSemicolonsQuotedNewlinesAndNFDTheSameAsPlainText() async throws {
    let store = try await ImportProvince.store()
    let nfdName = "Đặng Thị Ánh".decomposedStringWithCanonicalMapping
    let file =
      "\u{FEFF}Số thẻ;Họ tên;Giới tính;Ngày sinh;Quê quán;Mã chi bộ;Ngày kết nạp;Ngày miễn sinh hoạt\r\n"
      + "10000003;\"\(nfdName)\";nữ;2/9/1950;\"Ấp Phước Hòa,\r\nxã Bình An\";KG.01.001.02;03/02/1992;01/01/2015\r\n"
      + "10000004;  Lê Văn Tám ;NAM;1960-01-01;;KG.01.001.02;1992-01-01;\r\n"
    #expect(try await MembersFile.importing(bytes(file), into: store) == 2)
    let anh = try #require(try await store.member(cardNumber: "10000003"))
    #expect(anh.fullName.unicodeScalars.elementsEqual("Đặng Thị Ánh".unicodeScalars))
    #expect(anh.homeTown == "Ấp Phước Hòa,\r\nxã Bình An")
    #expect(try await store.searchMembers("dang thi anh", within: nil, on: .today, limit: 5).map(\.id) == [anh.id])
    #expect(try await store.timeline(ofMember: anh.id).span(on: day("2020-01-01"))?.exempt == true)
    #expect(try await store.member(cardNumber: "10000004")?.fullName == "Lê Văn Tám")
  }

  @Test func refusesABadDateNamingLineAndColumn() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let file = """
      \(header)
      10000003,Trần Văn Ba,Nam,31/02/1980,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,
      10000004,Trần Văn Bốn,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001.01,2010-13-01,,

      """
    let issues = try await refusedIssues(.members, bytes(file), into: store)
    #expect(
      issues.map(\.description) == [
        "dòng 2, cột ngay_sinh: \"31/02/1980\" không phải ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).",
        "dòng 3, cột ngay_ket_nap: \"2010-13-01\" không phải ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).",
      ])
  }

  @Test func refusesAnUnknownCellAndAUnitThatIsNotACell() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let file = """
      \(header)
      10000003,Trần Văn Ba,Nam,01/01/1980,Kinh,Không,,,,,,KG.09.999,01/01/2010,,
      10000004,Trần Văn Bốn,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001,01/01/2010,,
      10000005,Trần Văn Năm,Nam,01/01/1950,Kinh,Không,,,,,,KG.01.002,01/01/1995,,

      """
    let issues = try await refusedIssues(.members, bytes(file), into: store)
    #expect(issues.map(\.line) == [2, 3, 4])
    #expect(issues.allSatisfy { $0.column == "ma_chi_bo" })
    #expect(issues[0].message.contains("không có tổ chức nào mã \"KG.09.999\""))
    #expect(issues[1].message.contains("không phải chi bộ"))
    #expect(issues[2].message.contains("không tồn tại vào ngày 01/01/1995"))
  }

  @Test func refusesACardNumberRepeatedInTheFile() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let file = """
      \(header)
      10000003,Trần Văn Ba,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,
      10000004,Trần Văn Bốn,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,
      10000003,Trần Văn Năm,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,

      """
    let issues = try await refusedIssues(.members, bytes(file), into: store)
    #expect(issues.map(\.description) == ["dòng 4, cột so_the: Số thẻ đảng 10000003 trùng với dòng 2."])
  }

  @Test func refusesACardNumberAlreadyInTheDatabase() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let file = """
      \(header)
      10000003,Trần Văn Ba,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,
      10000002,Trần Văn Bốn,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,

      """
    let issues = try await refusedIssues(.members, bytes(file), into: store)
    #expect(issues.map(\.description) == ["dòng 3, cột so_the: số thẻ đảng 10000002 đã có trong cơ sở dữ liệu."])
  }

  @Test func refusesANationalIDRepeatedOrAlreadyKnownOrMalformed() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let file = """
      \(header)
      10000003,Trần Văn Ba,Nam,01/01/1980,Kinh,Không,091080000003,,,,,KG.01.001.01,01/01/2010,,
      10000004,Trần Văn Bốn,Nam,01/01/1980,Kinh,Không,091080000003,,,,,KG.01.001.01,01/01/2010,,
      10000005,Trần Văn Năm,Nam,01/01/1980,Kinh,Không,091075000001,,,,,KG.01.001.01,01/01/2010,,
      10000006,Trần Văn Sáu,Nam,01/01/1980,Kinh,Không,12345,,,,,KG.01.001.01,01/01/2010,,

      """
    let issues = try await refusedIssues(.members, bytes(file), into: store)
    #expect(issues.map(\.line) == [3, 4, 5])
    #expect(issues.allSatisfy { $0.column == "so_cccd" })
    #expect(issues[0].message.contains("trùng với dòng 2"))
    #expect(issues[1].message.contains("đã có trong cơ sở dữ liệu"))
    #expect(issues[2].message.contains("12 chữ số"))
  }

  @Test func refusesMalformedCardNumbers() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let file = """
      \(header)
      10-00003,Trần Văn Ba,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,
      123456789012345678901,Trần Văn Bốn,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,
      1000000Đ,Trần Văn Năm,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,

      """
    let issues = try await refusedIssues(.members, bytes(file), into: store)
    #expect(issues.map(\.line) == [2, 3, 4])
    #expect(issues.allSatisfy { $0.column == "so_the" && $0.message.contains("chỉ gồm chữ và số") })
  }

  @Test func refusesAnImpossibleHistoryAtTheDateThatMakesIt() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let file = """
      \(header)
      10000003,Trần Văn Ba,Nam,01/01/1995,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,
      10000004,Trần Văn Bốn,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,01/06/2010,
      10000005,Trần Văn Năm,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,01/01/2009

      """
    let issues = try await refusedIssues(.members, bytes(file), into: store)
    #expect(issues.map(\.line) == [2, 3, 4])
    #expect(issues.map(\.column) == ["ngay_ket_nap", "ngay_chinh_thuc", "ngay_mien_sinh_hoat"])
    #expect(issues[0].message.contains("chưa đủ 18 tuổi"))
    #expect(issues[1].message.contains("sớm nhất là 01/01/2011"))
  }

  @Test func refusesARecordWithTheWrongNumberOfColumns() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let file = """
      \(header)
      10000003,Trần Văn Ba,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,
      10000004,Trần, Văn Bốn,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,

      """
    let issues = try await refusedIssues(.members, bytes(file), into: store)
    #expect(issues.count == 1)
    #expect(issues[0].line == 3)
    #expect(issues[0].message.contains("có 16 cột trong khi dòng tiêu đề có 15 cột"))
  }

  @Test func refusesBytesThatAreNotUTF8() async throws {
    let store = try await ImportProvince.storeWithMembers()
    var file = bytes("\(header)\n10000003,Trần Văn Ba,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,\n")
    file +=
      bytes("10000004,Tr") + [0xE2, 0x6E] + bytes(" V,Nam,01/01/1980,Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,\n")
    let issues = try await refusedIssues(.members, file, into: store)
    #expect(issues.count == 1)
    #expect(issues[0].line == 3)
    #expect(issues[0].message.contains("không được mã hóa UTF-8"))
  }

  @Test func addsAMemberReceivedFromAnotherProvinceWithAnArrivalDate() async throws {
    let store = try await ImportProvince.store()
    let file = """
      so_the,ho_ten,gioi_tinh,ngay_sinh,ma_chi_bo,ngay_ket_nap,ngay_chuyen_den
      10000005,Lâm Văn Đến,Nam,1975-03-01,KG.01.001.02,,01/07/2015

      """
    #expect(try await MembersFile.importing(bytes(file), into: store) == 1)
    let den = try #require(try await store.member(cardNumber: "10000005"))
    let timeline = try await store.timeline(ofMember: den.id)
    #expect(timeline.events.map(\.kind) == [.transferredIn])
    #expect(timeline.events.first?.date == day("2015-07-01"))
    #expect(try await store.register(of: "KG", on: day("2015-06-30")).isEmpty)
    #expect(try await store.register(of: "KG", on: day("2016-01-01")).map(\.member.fullName) == ["Lâm Văn Đến"])
  }

  @Test func refusesARowWithBothOrNeitherAdmissionAndArrivalDates() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let before = try await store.statistics()
    let file = """
      so_the,ho_ten,gioi_tinh,ngay_sinh,ma_chi_bo,ngay_ket_nap,ngay_chuyen_den
      10000005,Lâm Văn Đến,Nam,1975-03-01,KG.01.001.02,01/01/2000,01/07/2015
      10000006,Lâm Văn Đi,Nam,1975-03-01,KG.01.001.02,,
      10000007,Lâm Văn Về,Nam,1975-03-01,KG.01.001.02,,31/06/2015

      """
    let issues = try await refusedIssues(.members, bytes(file), into: store)
    #expect(
      issues.map(\.description) == [
        "dòng 2, cột ngay_chuyen_den: chỉ ghi một trong hai ngày: ngày kết nạp (kết nạp tại chi bộ này) hoặc ngày "
          + "chuyển đến (đã kết nạp ở tỉnh khác, chuyển sinh hoạt đến).",
        "dòng 3, cột ngay_ket_nap: không được để trống.",
        "dòng 4, cột ngay_chuyen_den: \"31/06/2015\" không phải ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).",
      ])
    let after = try await store.statistics()
    #expect(after.members == before.members && after.events == before.events)
  }

  @Test func refusesAFileMissingARequiredColumn() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let file = """
      so_the,ho_ten,gioi_tinh,ngay_sinh,ngay_ket_nap
      10000003,Trần Văn Ba,Nam,01/01/1980,01/01/2010

      """
    let issues = try await refusedIssues(.members, bytes(file), into: store)
    #expect(
      issues.map(\.description) == [
        "dòng 1, cột ma_chi_bo: thiếu cột bắt buộc ma_chi_bo (hoặc cell_code) trong dòng tiêu đề."
      ])
  }

  @Test func listsEveryBadRowAndWritesNoneOfTheGoodOnes() async throws {
    let store = try await ImportProvince.store()
    var lines = [header]
    for i in 0..<300 {
      let born = i % 2 == 0 ? "01/01/1980" : "30/02/1980"
      lines.append("2\(1_000_000 + i),Người Thứ \(i),Nữ,\(born),Kinh,Không,,,,,,KG.01.001.01,01/01/2010,,")
    }
    let issues = try await refusedIssues(.members, bytes(lines.joined(separator: "\n")), into: store)
    #expect(issues.count == 150)
    #expect(issues.first?.line == 3)
    #expect(issues.last?.line == 301)
    #expect(try await store.statistics().members == 0)
  }
}
