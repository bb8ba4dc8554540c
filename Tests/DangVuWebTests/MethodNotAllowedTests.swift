import DangVuWeb
import Foundation
import Hummingbird
import Testing

/// An address answered with a method it does not take says which methods it takes.
@Suite struct MethodNotAllowedTests {
  @Test func aMethodAnAddressDoesNotTakeIs405WithAllow() async throws {
    let (store, _) = try await WebProvince.store()
    let session = try await signIn(store)
    // A browser's session must also carry its CSRF token: that check comes first, for every unsafe method.
    var admin = session.headers
    admin[.init("X-CSRF-Token")!] = session.csrf
    let trace = try await send(.trace, "/api/tree", to: store, headers: admin)
    #expect(trace.status == .methodNotAllowed)
    #expect(trace.headers[.allow] == "GET")
    #expect(trace.body.contains("request.method"))
    let delete = try await send(.delete, "/api/members/1", to: store, headers: admin)
    #expect(delete.status == .methodNotAllowed)
    #expect(delete.headers[.allow] == "GET, PUT")
    let page = try await send(.put, "/tim-kiem", to: store, headers: admin)
    #expect(page.status == .methodNotAllowed)
    #expect(page.body.contains("Phương thức không được hỗ trợ"))
  }

  @Test func anAddressNoRouteHasIsStill404() async throws {
    let (store, _) = try await WebProvince.store()
    let session = try await signIn(store)
    // A browser's session must also carry its CSRF token: that check comes first, for every unsafe method.
    var admin = session.headers
    admin[.init("X-CSRF-Token")!] = session.csrf
    #expect(try await send(.trace, "/khong-co", to: store, headers: admin).status == .notFound)
    #expect(try await send(.get, "/api/members/1/khong-co", to: store, headers: admin).status == .notFound)
  }
}
