import DangVuStore
import DangVuWeb
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct TreePageTests {
  @Test func rootPageShowsTheTopLevelsWithKindsCodesAndCounts() async throws {
    let (store, _) = try await WebProvince.store()
    let (status, body) = try await get("/", from: store)
    #expect(status == .ok)
    #expect(body.contains("<html lang=\"vi\">"))
    #expect(body.contains("Đảng bộ tỉnh Kiên Giang"))
    #expect(body.contains("đảng bộ tỉnh"))
    #expect(body.contains("Đảng bộ huyện Châu Thành"))
    #expect(body.contains("đảng bộ cấp huyện và tương đương"))
    #expect(body.contains("mã KG.01"))
    #expect(body.contains("href=\"/to-chuc/KG.01\""))
    // Today: An and Bích in Châu Thành, Cường in Hà Tiên (Hoa was struck off in 2024).
    #expect(
      body.contains(
        "Đảng bộ tỉnh Kiên Giang</a> <span class=\"kind\">đảng bộ tỉnh · mã KG</span> <span class=\"count\">· 3 đảng viên"
      ))
    #expect(
      body.contains(
        "Đảng bộ huyện Châu Thành</a> <span class=\"kind\">đảng bộ cấp huyện và tương đương (trực thuộc Tỉnh ủy) · mã KG.01</span> <span class=\"count\">· 2 đảng viên"
      ))
    #expect(body.contains("Đảng bộ thành phố Hà Tiên"))
  }

  @Test func rootPageNeverRendersTheLevelsBelowTheSecond() async throws {
    let (store, _) = try await WebProvince.store()
    let (_, body) = try await get("/", from: store)
    #expect(!body.contains("Đảng bộ xã Bình An"))
    #expect(!body.contains("Chi bộ ấp Phước Hòa"))
  }

  @Test func aPastDateShowsTheTreeAsItStoodThen() async throws {
    let (store, _) = try await WebProvince.store()
    for uri in ["/?ngay=2023-12-31", "/?ngay=31/12/2023"] {
      let (status, body) = try await get(uri, from: store)
      #expect(status == .ok)
      #expect(body.contains("Cây tổ chức đảng ngày 31/12/2023"))
      #expect(!body.contains("Hà Tiên"), "Hà Tiên was founded on 1/1/2024")
      // All four members were still in the register, Hoa and Cường in Tân Hiệp.
      #expect(body.contains("mã KG</span> <span class=\"count\">· 4 đảng viên"))
      #expect(body.contains("mã KG.02</span> <span class=\"count\">· 2 đảng viên"))
      // Links keep the date being looked at.
      #expect(body.contains("href=\"/to-chuc/KG.02?ngay=2023-12-31\""))
    }
  }

  @Test func aDateBeforeTheProvinceExistedSaysSo() async throws {
    let (store, _) = try await WebProvince.store()
    let (status, body) = try await get("/?ngay=1970-01-01", from: store)
    #expect(status == .ok)
    #expect(body.contains("Chưa có tổ chức đảng nào vào ngày 01/01/1970"))
  }

  @Test func aBadDateIsRefusedInVietnamese() async throws {
    let (store, _) = try await WebProvince.store()
    let (status, body) = try await get("/?ngay=31/02/2023", from: store)
    #expect(status == .badRequest)
    #expect(body.contains("Ngày “31/02/2023” không hợp lệ"))
  }

  @Test func anUnknownAddressIsANotFoundPageInVietnamese() async throws {
    let (store, _) = try await WebProvince.store()
    let (status, body) = try await get("/khong-co-trang-nay", from: store)
    #expect(status == .notFound)
    #expect(body.contains("Không tìm thấy trang"))
  }
}

@Suite struct MethodTests {
  // Pages are read-only: another method gets a page in Vietnamese, never a bare framework error.
  @Test func anUnsupportedMethodGetsAPageInVietnamese() async throws {
    let (store, _) = try await WebProvince.store()
    let app = buildApplication(store: store)
    try await app.test(.router) { client in
      try await client.execute(uri: "/to-chuc/KG", method: .delete) { response in
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers[.allow] == "GET")
        let body = String(buffer: response.body)
        #expect(body.contains("<html lang=\"vi\">"))
        #expect(body.contains("Địa chỉ này chỉ nhận GET."))
      }
    }
  }
}
