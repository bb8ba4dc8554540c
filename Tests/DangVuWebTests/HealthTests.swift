import DangVuStore
import DangVuWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct HealthTests {
  struct Health: Decodable {
    var status: String
    var schemaVersion: String?
    var organisations: Int?
    var members: Int?
    var events: Int?
  }

  @Test func anyoneHearsOnlyOk() async throws {
    let (store, _) = try await WebProvince.store()
    let response = try await send(.get, "/health", to: store)
    #expect(response.status == .ok)
    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
    let health = try JSONDecoder().decode(Health.self, from: Data(response.body.utf8))
    #expect(health.status == "ok")
    #expect(health.members == nil && health.organisations == nil && health.schemaVersion == nil)
  }

  @Test func aLeaderHearsOnlyOkToo() async throws {
    let (store, _) = try await WebProvince.store()
    let leader = try await signIn(store, role: .leader, scope: "KG")
    let response = try await send(.get, "/health", to: store, headers: leader.headers)
    #expect(response.body == #"{"status":"ok"}"#)
  }

  @Test func theAdministratorHearsTheStoreCounts() async throws {
    let (store, _) = try await WebProvince.store()
    let admin = try await signIn(store, role: .administrator, scope: "KG")
    let response = try await send(.get, "/health", to: store, headers: admin.headers)
    let health = try JSONDecoder().decode(Health.self, from: Data(response.body.utf8))
    #expect(health.status == "ok")
    #expect(health.schemaVersion.map { !$0.isEmpty && $0 != "none" } == true)
    #expect(health.organisations == WebProvince.units.count)
    #expect(health.members == 4)
    // Admitted and made official for each, and one struck off.
    #expect(health.events == 9)
  }
}
