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

/// The API reads one value per parameter, and says so when it gets more, or a blank number.
@Suite struct StrictAPIQueryTests {
  @Test func aRepeatedOrBlankParameterIsRefused() async throws {
    let (store, _) = try await WebProvince.store()
    let admin = try await signIn(store)
    let repeated = try await send(.get, "/api/audit?so-dong=5&so-dong=500", to: store, headers: admin.headers)
    #expect(repeated.status == .badRequest)
    #expect(repeated.body.contains("query.repeated"))
    let blank = try await send(.get, "/api/members?q=an&limit=", to: store, headers: admin.headers)
    #expect(blank.status == .badRequest)
    #expect(blank.body.contains("query.number"))
    // A page's form may send its empty fields.
    #expect(try await send(.get, "/nhat-ky?so-dong=", to: store, headers: admin.headers).status == .ok)
  }
}

extension StrictAPIQueryTests {
  @Test func aBlankEntryNumberIsRefusedByTheAPI() async throws {
    let (store, _) = try await WebProvince.store()
    let admin = try await signIn(store)
    let blank = try await send(.get, "/api/audit?truoc=", to: store, headers: admin.headers)
    #expect(blank.status == .badRequest)
    #expect(blank.body.contains("query.number"))
  }
}
