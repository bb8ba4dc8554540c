import DangVuCore
import DangVuStore
import DangVuTestFixtures
import DangVuWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A small province whose tree and register differ between 31/12/2023 and today:
/// Hà Tiên is founded on 1/1/2024 and the school cell moves under it that day;
/// Lê Thị Hoa is struck off on 1/3/2024.
enum WebProvince {
  static let units =
    SmallProvince.units + [
      NewOrganisation(
        code: "KG.03", name: "Đảng bộ thành phố Hà Tiên", kind: .districtCommittee, parentCode: "KG",
        founded: day("2024-01-01"))
    ]

  /// Builds the province in a fresh in-memory store and returns the store with unit ids by code.
  static func store(extraUnits: [NewOrganisation] = [], extraMembers: [(String, String)] = []) async throws -> (
    store: SQLiteStore, ids: [String: Int64]
  ) {
    let store = try SQLiteStore.inMemory()
    let added = try await store.addOrganisations(units + extraUnits)
    let ids = Dictionary(uniqueKeysWithValues: added.map { ($0.code, $0.id) })
    try await store.moveOrganisation(code: "KG.02.001", underParent: "KG.03", on: day("2024-01-01"))

    var members = [
      member("Nguyễn Văn An", card: "1001", cell: ids["KG.01.001.01"]!, admitted: "2010-05-19"),
      member("Đặng Thị Bích", card: "1002", cell: ids["KG.01.001.01"]!, admitted: "2015-03-26"),
      member("Trần Văn Cường", card: "1003", cell: ids["KG.02.001"]!, admitted: "2012-09-02"),
      member(
        "Lê Thị Hoa", card: "1004", cell: ids["KG.02.001"]!, admitted: "2011-02-03",
        later: [MembershipEvent(memberID: 0, kind: .struckOff, date: day("2024-03-01"))]),
    ]
    for (name, cellCode) in extraMembers {
      members.append(member(name, card: "9\(members.count)", cell: ids[cellCode]!, admitted: "2018-06-01"))
    }
    try await store.addMembers(members)
    return (store, ids)
  }

  static func member(
    _ name: String, card: String, cell: Int64, admitted: String, later: [MembershipEvent] = []
  ) -> NewMember {
    let admission = day(admitted)
    return NewMember(
      member: Member(fullName: name, gender: .female, birthDate: day("1985-07-14"), partyCardNumber: card),
      events: [
        MembershipEvent(memberID: 0, kind: .admitted, date: admission, cellID: cell),
        MembershipEvent(memberID: 0, kind: .madeOfficial, date: admission.adding(months: 12)),
      ] + later)
  }
}

/// A signed-in browser: the session cookie and the CSRF token its forms carry.
struct TestSession: Sendable {
  var cookie: String
  var csrf: String
  var headers: HTTPFields { [.cookie: "dangvu_session=\(cookie)"] }
}

/// An account of `role` over `scope` (made once per store) and a live session for it, opened through the
/// store exactly as the sign-in form does. The cheapest bcrypt cost keeps the tests quick.
func signIn(
  _ store: any PartyStore, role: Role = .administrator, scope: String = "KG", memberID: Int64? = nil
) async throws -> TestSession {
  let login = "\(role.rawValue.lowercased())-\(scope.lowercased())\(memberID.map { "-\($0)" } ?? "")"
  var account = try await store.account(login: login)
  if account == nil {
    account = try await store.addAccount(
      NewAccount(
        login: login, displayName: "Người thử \(role.nameVi)", role: role, scopeCode: scope, memberID: memberID),
      password: "mat-khau-thu-nghiem", cost: 4)
  }
  let tokens = try await store.openSession(accountID: account!.id, at: Date())
  return TestSession(cookie: tokens.token, csrf: tokens.csrfToken)
}

struct TestResponse: Sendable {
  var status: HTTPResponse.Status
  var headers: HTTPFields
  var body: String
}

/// Runs one request against the application built over `store`, the way `dangvu serve` builds it.
func send(
  _ method: HTTPRequest.Method, _ uri: String, to store: any PartyStore, headers: HTTPFields = [:],
  body: String? = nil, options: WebOptions = WebOptions()
) async throws -> TestResponse {
  let app = buildApplication(store: store, options: options)
  return try await app.test(.router) { client in
    try await client.execute(
      uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
    ) { response in
      TestResponse(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }
  }
}

/// A form post from a signed-in browser, with its CSRF token unless `csrf` says otherwise.
func post(
  _ uri: String, form: [(String, String)], to store: any PartyStore, as session: TestSession, csrf: String? = nil
) async throws -> TestResponse {
  let fields = form + [("csrf", csrf ?? session.csrf)]
  let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
    .joined(separator: "&")
  var headers = session.headers
  headers[.contentType] = "application/x-www-form-urlencoded"
  return try await send(.post, uri, to: store, headers: headers, body: body)
}

/// A page as the province's administrator sees it (or as `session`).
func get(_ uri: String, from store: any PartyStore, as session: TestSession? = nil) async throws -> (
  status: HTTPResponse.Status, body: String
) {
  var session = session
  if session == nil { session = try await signIn(store) }
  let response = try await send(.get, uri, to: store, headers: session!.headers)
  return (response.status, response.body)
}
