import DangVuCore
import DangVuTestFixtures
import Foundation
import Testing

@testable import DangVuStore

@Suite("Import: the organisations file")
struct ImportOrganisationsTests {
  @Test func addsParentsBeforeChildrenWhateverTheFileOrder() async throws {
    let store = try SQLiteStore.inMemory()
    let file = """
      code,name,kind,parent_code,founded
      T.01.001,Chi bộ cơ sở xã A,chi bộ cơ sở,T.01,01/01/2000
      T.01,Đảng bộ huyện A,đảng bộ cấp huyện,T,01/01/1990
      T,Đảng bộ tỉnh,Đảng bộ tỉnh,,01/01/1976

      """
    #expect(try await OrganisationsFile.importing(bytes(file), into: store) == 3)
    let tree = try await store.tree(on: day("2020-01-01"), root: "T")
    #expect(tree.subtree(of: tree.roots[0].id).map(\.code) == ["T", "T.01", "T.01.001"])
    #expect(try await store.organisation(code: "T.01.001")?.kind == .grassrootsCell)
  }

  @Test func refusesUnknownParentsKindsLoopsAndDuplicateCodes() async throws {
    let store = try await ImportProvince.store()
    let file = """
      ma,ten,loai,ma_cap_tren,ngay_thanh_lap
      KG.03,Đảng bộ huyện mới,districtCommittee,KX,01/01/2000
      KG.04,Đảng bộ huyện mới 2,hội đồng,KG,01/01/2000
      L1,Vòng 1,grassrootsCommittee,L2,01/01/2000
      L2,Vòng 2,grassrootsCommittee,L1,01/01/2000
      KG.01,Trùng mã trong cơ sở dữ liệu,districtCommittee,KG,01/01/2000
      KG.05,Chi bộ dưới tỉnh sai loại,subordinateCell,KG,01/01/2000
      KG.06,A,communeCommittee,KG,01/01/2026
      KG.06,B,communeCommittee,KG,01/01/2026

      """
    let issues = try await refusedIssues(.organisations, bytes(file), into: store)
    #expect(issues.map(\.line) == [2, 3, 4, 5, 6, 7, 9])
    #expect(issues.map(\.column) == ["ma_cap_tren", "loai", "ma_cap_tren", "ma_cap_tren", "ma", "ma_cap_tren", "ma"])
    #expect(issues[0].message.contains("không có tổ chức nào mã \"KX\""))
    #expect(issues[2].message.contains("thành vòng"))
    #expect(issues[4].message.contains("đã có"))
    #expect(issues[6].message.contains("trùng với dòng 8"))
  }
}

@Suite("Import: the events file")
struct ImportEventsTests {
  @Test func recordsEventsNamedByCodeOrVietnameseWords() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let file = """
      so_the;loai_su_kien;ngay;ma_chi_bo;ghi_chu
      10000001;Chuyển sinh hoạt;01/06/2015;KG.01.002;Quyết định số 12-QĐ/ĐU
      10000001;exempted;2020-01-01;;
      10000002;XÓA TÊN;01/03/2022;;

      """
    #expect(try await EventsFile.importing(bytes(file), into: store) == 3)
    let an = try #require(try await store.member(cardNumber: "10000001"))
    let timeline = try await store.timeline(ofMember: an.id)
    let cell = try #require(try await store.organisation(code: "KG.01.002"))
    #expect(timeline.span(on: day("2016-01-01"))?.cellID == cell.id)
    #expect(timeline.span(on: day("2021-01-01"))?.exempt == true)
    #expect(timeline.events.first { $0.kind == .transferred }?.note == "Quyết định số 12-QĐ/ĐU")
    let lan = try #require(try await store.member(cardNumber: "10000002"))
    #expect(try await store.timeline(ofMember: lan.id).exit?.kind == .struckOff)
  }

  @Test func refusesUnknownCardsKindsCellsAndImpossibleHistories() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let file = """
      so_the,loai_su_kien,ngay,ma_chi_bo,ghi_chu
      99999999,xóa tên,01/01/2020,,
      10000001,thăng chức,01/01/2020,,
      10000001,chuyển sinh hoạt,01/01/2020,KG.09,
      10000002,từ trần,01/01/2020,,
      10000002,miễn sinh hoạt,01/06/2020,,
      10000002,chuyển sinh hoạt,01/01/2021,,

      """
    let issues = try await refusedIssues(.events, bytes(file), into: store)
    #expect(issues.map(\.line) == [2, 3, 4, 6, 7])
    #expect(issues.map(\.column) == ["so_the", "loai_su_kien", "ma_chi_bo", "ngay", "ma_chi_bo"])
    #expect(issues[0].message.contains("không có đảng viên nào có số thẻ 99999999"))
    #expect(issues[3].message.contains("đã ra khỏi danh sách"))
    #expect(issues[4].message.contains("phải ghi mã chi bộ"))
  }

  @Test func refusesASecondAdmissionAtTheKindColumn() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let file = "so_the,loai_su_kien,ngay,ma_chi_bo\n10000001,kết nạp,01/01/2021,KG.01.002\n"
    let issues = try await refusedIssues(.events, bytes(file), into: store)
    #expect(
      issues.map(\.description) == [
        "dòng 2, cột loai_su_kien: Không thể ghi sự kiện \"kết nạp\" ngày 01/01/2021 cho đảng viên Nguyễn Văn An: "
          + "đảng viên đã được kết nạp."
      ])
  }
}

@Suite("Import: the population file")
struct ImportPopulationTests {
  @Test func writesFiguresWithThousandsSeparators() async throws {
    let store = try await ImportProvince.store()
    let file = "ma_to_chuc,nam,dan_so\nKG,2023,\"1.723.067\"\nKG.01,2023,156000\n"
    #expect(try await PopulationFile.importing(bytes(file), into: store) == 2)
    let kg = try #require(try await store.organisation(code: "KG"))
    #expect(try await store.population(ofOrganisation: kg.id, year: 2023) == 1_723_067)
  }

  @Test func refusesUnknownUnitsBadNumbersAndRepeats() async throws {
    let store = try await ImportProvince.store()
    let file = "org_code,year,population\nKX,2023,10\nKG,hai nghìn,10\nKG,2023,-5\nKG,2023,10\nKG,2023,11\n"
    let issues = try await refusedIssues(.population, bytes(file), into: store)
    #expect(issues.map(\.line) == [2, 3, 4, 6])
    #expect(issues.map(\.column) == ["org_code", "year", "population", "year"])
  }
}
