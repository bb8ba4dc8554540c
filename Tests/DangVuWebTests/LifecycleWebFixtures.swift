import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import Testing

@testable import DangVuWeb

/// The web province with a probationary member, Phan Văn Giang, admitted into Phước Hòa on 10/01/2023 with An
/// and Bích as sponsors; and ways in for each role, through the real router.
struct LifecycleWorld {
  let store: SQLiteStore
  let units: [String: Int64]
  let an: Int64
  let bich: Int64
  let cuong: Int64
  let giang: Int64

  static func make() async throws -> LifecycleWorld {
    let (store, units) = try await WebProvince.store()
    let an = try #require(try await store.member(cardNumber: "1001")).id
    let bich = try #require(try await store.member(cardNumber: "1002")).id
    let cuong = try #require(try await store.member(cardNumber: "1003")).id
    let giang = try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Phan Văn Giang", card: "3001", born: "1995-01-01"),
        events: [SmallProvince.admitted(units["KG.01.001.01"]!, on: "2023-01-10")],
        admission: AdmissionDecision(decisionNumber: "77-QĐ/ĐU", sponsorIDs: [an, bich]))
    ])[0].id
    return LifecycleWorld(store: store, units: units, an: an, bich: bich, cuong: cuong, giang: giang)
  }

  func version(_ id: Int64) async throws -> Int { try #require(try await store.memberWithVersion(id: id)).version }

  func eventCount(_ id: Int64) async throws -> Int { try await store.timeline(ofMember: id).events.count }

  /// An API token for an account of `role` over `scope`.
  func token(_ role: Role, scope: String) async throws -> String {
    let session = try await signIn(store, role: role, scope: scope)
    _ = session
    let login = "\(role.rawValue.lowercased())-\(scope.lowercased())"
    return try await store.issueAPIToken(login: login, name: "thử vòng đời", at: Date())
  }
}

/// A JSON request with an API token through the real router.
func sendJSON(
  _ method: HTTPRequest.Method, _ uri: String, _ body: [String: Any]? = nil, token: String, to store: any PartyStore
) async throws -> TestResponse {
  var headers: HTTPFields = [.authorization: "Bearer \(token)"]
  var text: String?
  if let body {
    headers[.contentType] = "application/json"
    text = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
  }
  return try await send(method, uri, to: store, headers: headers, body: text)
}

extension TestResponse {
  func json() throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any], "\(body)")
  }

  /// The message shown beside a form field (`<span class="error" id="e-KEY">`), if any.
  func error(beside key: String) -> String? {
    guard let start = body.range(of: "<span class=\"error\" id=\"e-\(key)\">") else { return nil }
    guard let end = body[start.upperBound...].range(of: "</span>") else { return nil }
    return String(body[start.upperBound..<end.lowerBound])
  }
}
