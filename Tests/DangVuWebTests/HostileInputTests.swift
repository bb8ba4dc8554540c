import DangVuCore
import DangVuStore
import DangVuWeb
import Foundation
import Hummingbird
import Testing

/// Odd periods, dates, numbers and text, fed to every route the application serves (read from its route
/// table) in the path, in every query parameter the pages and the API read, in forms and in JSON bodies.
/// A crash would end this test process; an error nobody turned into a clear answer is a 5xx. Neither may happen.
@Suite struct HostileInputTests {
  /// Values a clumsy user or an attacker types where a period, a date, a year, a number or a code belongs.
  static let oddValues: [String] = [
    "2000-9999", "1900-2001", "1800-2200", "9999", "0000", "2023-Q0", "2023-Q99999999999999999999", "2023-H2",
    "1800-01-01", "1799-12-31", "2199-12-31", "2200-12-31", "9999-12-31", "0000-00-00", "31/02/2023", "29/02/2023",
    "-1", "0", "99999999999999999999", "9223372036854775807", "-9223372036854775808", "1e309", "NaN", "",
    " ", "%00", "\u{0}", "\u{202E}abc", "../..", "'; DROP TABLE member; --", "<script>x</script>",
    String(repeating: "Đ", count: 5000),
  ]

  /// Every query parameter a page or the API reads.
  static let queryNames = [
    "nam", "year", "ky", "period", "tu", "den", "from", "to", "ngay", "date", "to-chuc", "org", "trong", "ma", "q",
    "limit", "so-dong", "truoc", "tiep", "da-luu", "dinh-dang",
  ]

  /// Every field a form or a JSON body of the application reads.
  static let fieldNames = [
    "admissionDate", "automatic", "automaticReason", "birthDate", "body", "bodyCode", "categories", "cell",
    "cellCode", "decided", "decisionNumber", "education", "ethnicity", "evaluationDate", "finding", "form",
    "fullName", "gender", "homeTown", "kind", "limitReason", "login", "memberID", "nam", "nationalID", "next",
    "note", "number", "occupation", "officialDate", "organ", "outcome", "partyCardNumber", "password",
    "politicalTheory", "problem", "received", "regulation", "religion", "resolved", "score", "selfCorrected",
    "sickLeaveMonths", "started", "subject", "subjectKind", "summary", "tiep", "title", "version", "year",
  ]

  static func uri(_ path: String, odd: String) -> String {
    let value = odd.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    let parts = path.split(separator: "/").map { $0.hasPrefix("{") || $0.hasPrefix(":") ? value : String($0) }
    let query = queryNames.map { "\($0)=\(value)" }.joined(separator: "&")
    return "/" + parts.joined(separator: "/") + "?" + query
  }

  /// A JSON body with every field set to `odd`, once as text and once, where it reads as one, as a number.
  static func json(_ odd: String) -> [String] {
    let text = try? JSONEncoder().encode(odd)
    let quoted = text.map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    let asText = fieldNames.map { "\"\($0)\":\($0 == "categories" ? "[\(quoted)]" : quoted)" }
    var bodies = ["{" + asText.joined(separator: ",") + ",\"grades\":[{\"memberID\":\(quoted),\"outcome\":\(quoted)}]}"]
    if Double(odd) != nil || odd.allSatisfy(\.isNumber) && !odd.isEmpty {
      bodies.append("{" + fieldNames.map { "\"\($0)\":\(odd)" }.joined(separator: ",") + "}")
    }
    return bodies
  }

  /// A valid record but for its dates: the dates far ahead, far back and reversed.
  static let oddDisciplines = [
    ("2199-06-01", "2199-01-01"), ("1800-01-01", "1800-01-01"), ("2200-12-31", "1801-01-01"),
    ("2023-01-01", "2024-01-01"),
  ].map { decided, violated in
    """
    {"subjectKind":"member","subject":"1001","bodyCode":"KG","organ":"inspectionCommission","form":"warning",\
    "categories":["prohibitedActs"],"number":"1-QĐ","decided":"\(decided)","violated":"\(violated)"}
    """
  }

  @Test func noRouteAnswersAnOddValueWithAServerError() async throws {
    let (store, _) = try await WebProvince.store()
    let session = try await signIn(store, role: .administrator, scope: "KG")
    let routes = buildRouter(store: store).routes
    #expect(routes.count > 30)
    var tried = 0
    var failures: [String] = []
    func check(_ response: TestResponse, _ what: String) {
      tried += 1
      if response.status.code >= 500 { failures.append("\(what): \(response.status.code)") }
    }
    for route in routes where "\(route.path)" != "/dang-xuat" {
      let path = "\(route.path)"
      for odd in Self.oddValues {
        let uri = Self.uri(path, odd: odd)
        switch route.method {
        case .get, .head:
          check(try await send(route.method, uri, to: store, headers: session.headers), "\(route.method) \(uri)")
        default:
          let form = Self.fieldNames.map { ($0, odd) } + [("categories[]", odd)]
          check(try await post(uri, form: form, to: store, as: session), "\(route.method) \(uri) form")
          var headers = session.headers
          headers[.contentType] = "application/json"
          headers[.init("X-CSRF-Token")!] = session.csrf
          for body in Self.json(odd) {
            check(
              try await send(route.method, uri, to: store, headers: headers, body: body),
              "\(route.method) \(uri) \(body.prefix(80))")
          }
        }
      }
    }
    var headers = session.headers
    headers[.contentType] = "application/json"
    headers[.init("X-CSRF-Token")!] = session.csrf
    for body in Self.oddDisciplines {
      check(try await send(.post, "/api/oversight/discipline", to: store, headers: headers, body: body), body)
    }
    print("HostileInputTests: \(tried) requests over \(routes.count) routes, \(Self.oddValues.count) odd values each")
    #expect(tried > 2000)
    #expect(
      failures.isEmpty, "\(failures.count) of \(tried) answered 5xx:\n\(failures.prefix(40).joined(separator: "\n"))")
  }
}
