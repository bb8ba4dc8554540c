import DangVuStore
import Testing

@Suite struct UnitPageTests {
  @Test func aCellPageShowsTheUnitItsParentAndItsRegister() async throws {
    let (store, _) = try await WebProvince.store()
    let (status, body) = try await get("/to-chuc/KG.01.001.01", from: store)
    #expect(status == .ok)
    #expect(body.contains("<h1>Chi bộ ấp Phước Hòa</h1>"))
    #expect(body.contains("chi bộ trực thuộc đảng ủy cơ sở"))
    // Breadcrumbs from the province down.
    #expect(body.contains("href=\"/to-chuc/KG\">Đảng bộ tỉnh Kiên Giang</a>"))
    #expect(body.contains("href=\"/to-chuc/KG.01.001\">Đảng bộ xã Bình An</a>"))
    #expect(body.contains("Nguyễn Văn An"))
    #expect(body.contains("Đặng Thị Bích"))
    #expect(body.contains("chính thức"))
    #expect(!body.contains("Trần Văn Cường"))
  }

  @Test func aCommitteePageListsItsChildrenWithCountsAndTheRegisterBelowIt() async throws {
    let (store, _) = try await WebProvince.store()
    let (status, body) = try await get("/to-chuc/KG.01.001", from: store)
    #expect(status == .ok)
    #expect(body.contains("Tổ chức trực thuộc (2)"))
    #expect(
      body.contains(
        "Chi bộ ấp Phước Hòa</a> <span class=\"kind\">chi bộ trực thuộc đảng ủy cơ sở · mã KG.01.001.01</span> <span class=\"count\">· 2 đảng viên"
      ))
    #expect(
      body.contains(
        "Chi bộ ấp Hòa An</a> <span class=\"kind\">chi bộ trực thuộc đảng ủy cơ sở · mã KG.01.001.02</span> <span class=\"count\">· 0 đảng viên"
      ))
    // A committee's register names each member's cell.
    #expect(body.contains("<th>Chi bộ</th>"))
    #expect(body.contains("Nguyễn Văn An"))
  }

  @Test func theParentHistoryShowsEveryPeriod() async throws {
    let (store, _) = try await WebProvince.store()
    let (_, body) = try await get("/to-chuc/KG.02.001", from: store)
    #expect(
      body.contains(
        "<td>01/01/2000</td><td>01/01/2024</td><td><a href=\"/to-chuc/KG.02?ngay=2000-01-01\">Đảng bộ huyện Tân Hiệp</a> (KG.02)</td>"
      ))
    #expect(
      body.contains(
        "<td>01/01/2024</td><td>nay</td><td><a href=\"/to-chuc/KG.03?ngay=2024-01-01\">Đảng bộ thành phố Hà Tiên</a> (KG.03)</td>"
      ))
  }

  @Test func theRegisterOnAPastDateIsTheOneThatHeldThen() async throws {
    let (store, _) = try await WebProvince.store()
    let (_, past) = try await get("/to-chuc/KG.02.001?ngay=2023-12-31", from: store)
    #expect(past.contains("Danh sách đảng viên ngày 31/12/2023"))
    #expect(past.contains("Lê Thị Hoa"))
    #expect(past.contains("href=\"/to-chuc/KG.02?ngay=2023-12-31\">Đảng bộ huyện Tân Hiệp</a>"), "under Tân Hiệp then")
    let (_, today) = try await get("/to-chuc/KG.02.001", from: store)
    #expect(!today.contains("Lê Thị Hoa"))
    #expect(today.contains("Trần Văn Cường"))
    #expect(today.contains("href=\"/to-chuc/KG.03\">Đảng bộ thành phố Hà Tiên</a>"), "under Hà Tiên now")
  }

  @Test func aUnitLookedAtBeforeItWasFoundedSaysSo() async throws {
    let (store, _) = try await WebProvince.store()
    let (status, body) = try await get("/to-chuc/KG.03?ngay=2023-06-30", from: store)
    #expect(status == .ok)
    #expect(body.contains("Tổ chức này không tồn tại vào ngày 30/06/2023 (thành lập 01/01/2024)"))
  }

  @Test func anUnknownCodeIsNotFoundWithAVietnameseMessage() async throws {
    let (store, _) = try await WebProvince.store()
    let (status, body) = try await get("/to-chuc/KG.99", from: store)
    #expect(status == .notFound)
    #expect(body.contains("Không có tổ chức đảng nào mang mã “KG.99”"))
  }
}
