import DangVuStore
import DangVuWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct HealthTests {
  struct Health: Decodable {
    var status: String
    var schemaVersion: String
    var organisations: Int
    var members: Int
    var events: Int
  }

  @Test func healthReportsTheStoreCounts() async throws {
    let (store, _) = try await WebProvince.store()
    let app = buildApplication(store: store)
    try await app.test(.router) { client in
      try await client.execute(uri: "/health", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        let health = try JSONDecoder().decode(Health.self, from: Data(buffer: response.body))
        #expect(health.status == "ok")
        #expect(!health.schemaVersion.isEmpty && health.schemaVersion != "none")
        #expect(health.organisations == WebProvince.units.count)
        #expect(health.members == 4)
        // Admitted and made official for each, and one struck off.
        #expect(health.events == 9)
      }
    }
  }
}
