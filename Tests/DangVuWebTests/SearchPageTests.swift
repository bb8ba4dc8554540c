import DangVuStore
import Testing

@Suite struct SearchPageTests {
  @Test func searchFindsMembersWithoutDiacriticsAndDMatchesĐ() async throws {
    let (store, _) = try await WebProvince.store()
    let (status, body) = try await get("/tim-kiem?q=dang", from: store)
    #expect(status == .ok)
    #expect(body.contains("Đặng Thị Bích"))
    #expect(body.contains("href=\"/to-chuc/KG.01.001.01\">Chi bộ ấp Phước Hòa</a>"))
    #expect(!body.contains("Nguyễn Văn An"))

    let (_, nguyen) = try await get("/tim-kiem?q=nguyen+van", from: store)
    #expect(nguyen.contains("Nguyễn Văn An"))
    // The query comes back into the box as typed.
    #expect(nguyen.contains("value=\"nguyen van\""))
  }

  @Test func aQueryTypedWithDiacriticsWorksToo() async throws {
    let (store, _) = try await WebProvince.store()
    let (_, body) = try await get("/tim-kiem?q=%C4%90%E1%BA%B7ng", from: store)  // "Đặng"
    #expect(body.contains("Đặng Thị Bích"))
  }

  @Test func searchWithinAUnitKeepsToItsSubtree() async throws {
    let (store, _) = try await WebProvince.store()
    let (_, inside) = try await get("/tim-kiem?q=tran&trong=KG.03", from: store)
    #expect(inside.contains("Trần Văn Cường"))
    let (_, outside) = try await get("/tim-kiem?q=tran&trong=KG.01", from: store)
    #expect(!outside.contains("Trần Văn Cường"))
    #expect(outside.contains("Không tìm thấy đảng viên nào"))
  }

  @Test func anEmptyQueryShowsHowToSearch() async throws {
    let (store, _) = try await WebProvince.store()
    let (status, body) = try await get("/tim-kiem", from: store)
    #expect(status == .ok)
    #expect(body.contains("có dấu hoặc không dấu"))
  }
}
