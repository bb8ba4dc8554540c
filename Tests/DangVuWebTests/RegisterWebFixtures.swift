import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DangVuWeb

/// Who is signed in for a test request: set on the context as the lead's session middleware will.
struct SignedInAs: RouterMiddleware {
  typealias Context = AppRequestContext
  let principal: Principal?

  func handle(
    _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
  )
    async throws -> Response
  {
    var context = context
    context.principal = principal
    context.csrfToken = principal == nil ? nil : "csrf-of-the-session"
    return try await next(request, context)
  }
}

enum As {
  static func staff(_ scope: String = "KG") -> Principal {
    Principal(accountID: 1, login: "tochuc", displayName: "Cán bộ tổ chức", role: .organisationStaff, scopeCode: scope)
  }
  static func leader(_ scope: String = "KG") -> Principal {
    Principal(accountID: 2, login: "lanhdao", displayName: "Lãnh đạo", role: .leader, scopeCode: scope)
  }
  static func secretary(_ scope: String = "KG.01.001.01") -> Principal {
    Principal(accountID: 3, login: "bithu", displayName: "Bí thư", role: .secretary, scopeCode: scope)
  }
  static func member(_ id: Int64, scope: String = "KG.01.001.01") -> Principal {
    Principal(accountID: 4, login: "dangvien", displayName: "Đảng viên", role: .member, scopeCode: scope, memberID: id)
  }
}

struct RegisterReply {
  var status: HTTPResponse.Status
  var body: String
  var headers: HTTPFields

  var location: String? { headers[.location] }

  func json() throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
  }
}

/// The register's routes over `store`, with `principal` signed in (nil: nobody).
func sendAs(
  _ method: HTTPRequest.Method, _ uri: String, as principal: Principal?, store: SQLiteStore,
  form: [(String, String)]? = nil,
  json: String? = nil
) async throws -> RegisterReply {
  let router = Router(context: AppRequestContext.self)
  router.add(middleware: ErrorPageMiddleware())
  router.add(middleware: SignedInAs(principal: principal))
  MemberPagesController(store: store).addRoutes(to: router)
  MemberAPIController(store: store).addRoutes(to: router)
  CellGradingController(store: store).addRoutes(to: router)
  CellGradesAPIController(store: store).addRoutes(to: router)
  var fields = HTTPFields()
  var bytes: ByteBuffer?
  if let form {
    fields[.contentType] = "application/x-www-form-urlencoded"
    bytes = ByteBuffer(string: encodeForm(form))
  } else if let json {
    fields[.contentType] = "application/json"
    bytes = ByteBuffer(string: json)
  }
  let (headers, body) = (fields, bytes)
  return try await Application(router: router).test(.router) { client in
    try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
      RegisterReply(status: response.status, body: String(buffer: response.body), headers: response.headers)
    }
  }
}

func encodeForm(_ pairs: [(String, String)]) -> String {
  let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
  return pairs.map { key, value in
    (key.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
      + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
  }.joined(separator: "&")
}

/// The web province, with An's national ID recorded, and the ids of its members by name.
struct RegisterWorld {
  let store: SQLiteStore
  let units: [String: Int64]
  let members: [String: Int64]

  static let anNationalID = "079085001234"

  static func make() async throws -> RegisterWorld {
    let (store, units) = try await WebProvince.store()
    var members: [String: Int64] = [:]
    for name in ["Nguyễn Văn An", "Đặng Thị Bích", "Trần Văn Cường", "Lê Thị Hoa"] {
      members[name] = try #require(try await store.searchMembers(name, within: nil, on: .today, limit: 1).first?.id)
    }
    var an = try #require(try await store.member(id: members["Nguyễn Văn An"]!))
    an.nationalID = anNationalID
    try await store.updateMember(an)
    return RegisterWorld(store: store, units: units, members: members)
  }

  var an: Int64 { members["Nguyễn Văn An"]! }
  var bich: Int64 { members["Đặng Thị Bích"]! }
  var cuong: Int64 { members["Trần Văn Cường"]! }
}

/// The fields of a valid new member admitted into the Phước Hòa cell.
func newMemberForm(_ overrides: [String: String] = [:]) -> [(String, String)] {
  var fields: [String: String] = [
    "csrf": "csrf-of-the-session", "fullName": "Võ Thị Em", "gender": "female", "birthDate": "03/02/1990",
    "ethnicity": "Kinh", "religion": "Không", "nationalID": "079190004321", "homeTown": "Rạch Giá",
    "partyCardNumber": "20000001", "education": "12/12", "politicalTheory": "Trung cấp", "occupation": "Giáo viên",
    "cell": "KG.01.001.01", "admissionDate": "19/05/2020", "officialDate": "19/05/2021",
    "decisionNumber": "125-QĐ/ĐU",
  ]
  fields.merge(overrides) { $1 }
  return fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
}

/// The edit form's fields for a member as stored, with changes.
func editForm(_ member: Member, version: Int, _ overrides: [String: String] = [:]) -> [(String, String)] {
  var fields: [String: String] = [
    "csrf": "csrf-of-the-session", "version": String(version), "fullName": member.fullName,
    "gender": member.gender.rawValue, "birthDate": member.birthDate.vietnamese, "ethnicity": member.ethnicity,
    "religion": member.religion, "nationalID": member.nationalID ?? "", "homeTown": member.homeTown,
    "partyCardNumber": member.partyCardNumber ?? "", "education": member.education,
    "politicalTheory": member.politicalTheory, "occupation": member.occupation,
  ]
  fields.merge(overrides) { $1 }
  return fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
}
