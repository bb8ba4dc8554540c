import DangVuStore
import DangVuWeb
import Foundation
import Hummingbird
import Testing

/// The OpenAPI document is the API's contract: every JSON route the application serves is in it with
/// its method, and it is served as kept in the repository.
@Suite struct OpenAPIDocumentTests {
  /// `paths:` of the document as path → methods, read from its two-space-indented YAML layout.
  static func documentedOperations(_ yaml: String) -> [String: Set<String>] {
    var operations: [String: Set<String>] = [:]
    var current: String?
    var inPaths = false
    for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("paths:") {
        inPaths = true
        continue
      }
      if inPaths, let first = line.first, first != " ", first != "#" { inPaths = false }
      guard inPaths else { continue }
      if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
        current = String(line.dropFirst(2).dropLast())
        operations[current!, default: []] = []
      } else if let current, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
        operations[current, default: []].insert(String(line.dropFirst(4).dropLast()))
      }
    }
    return operations
  }

  @Test func everyAPIRouteIsDocumentedWithItsMethod() async throws {
    let store = try SQLiteStore.inMemory()
    let router = buildRouter(store: store)
    let documented = Self.documentedOperations(try String(contentsOf: openAPIURL(), encoding: .utf8))
    var apiRoutes = 0
    for route in router.routes {
      // "/api/units/:code" in the router is "/api/units/{code}" in OpenAPI.
      let path =
        "/"
        + "\(route.path)".split(separator: "/").map { part in
          part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
        }.joined(separator: "/")
      guard path.hasPrefix("/api/") else { continue }
      apiRoutes += 1
      #expect(
        documented[path]?.contains(route.method.rawValue.lowercased()) == true,
        "\(route.method) \(path) is not in openapi.yaml")
    }
    #expect(apiRoutes >= 3)
  }

  @Test func theDocumentIsServedAsKept() async throws {
    let (store, _) = try await WebProvince.store()
    let response = try await send(.get, "/openapi.yaml", to: store)
    #expect(response.status == .ok)
    #expect(response.headers[.contentType]?.hasPrefix("application/yaml") == true)
    #expect(response.body == (try String(contentsOf: openAPIURL(), encoding: .utf8)))
  }

  private func openAPIURL() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/DangVuWeb/API/openapi.yaml")
  }
}
