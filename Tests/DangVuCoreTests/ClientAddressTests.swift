import Testing

@testable import DangVuCore

/// X-Forwarded-For is believed only from a proxy the operator named, and read from the right.
@Suite struct ClientAddressTests {
  let proxy: Set<String> = ["10.0.0.2"]

  @Test func aTrustedProxyNamesTheClient() {
    #expect(
      ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["203.0.113.7"], trustedProxies: proxy) == "203.0.113.7")
  }

  @Test func anyOtherPeerIsCountedByItsOwnAddressWhateverItClaims() {
    #expect(
      ClientAddress.resolve(peer: "198.51.100.4", forwardedFor: ["203.0.113.7"], trustedProxies: proxy)
        == "198.51.100.4")
    #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["203.0.113.7"], trustedProxies: []) == "10.0.0.2")
  }

  @Test func aClientCannotHideBehindAnAddressItWroteItselfOnTheLeft() {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended what it saw.
    #expect(
      ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["1.2.3.4, 203.0.113.7"], trustedProxies: proxy)
        == "203.0.113.7")
    #expect(
      ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["1.2.3.4", "203.0.113.7"], trustedProxies: proxy)
        == "203.0.113.7")
  }

  @Test func chainedTrustedProxiesAreSkipped() {
    let two: Set<String> = ["10.0.0.2", "10.0.0.3"]
    #expect(
      ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["203.0.113.7, 10.0.0.3"], trustedProxies: two)
        == "203.0.113.7")
  }

  @Test func aMissingOrGarbledHeaderFallsBackToThePeer() {
    #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: [], trustedProxies: proxy) == "10.0.0.2")
    #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["<script>"], trustedProxies: proxy) == "10.0.0.2")
    #expect(ClientAddress.resolve(peer: "::1", forwardedFor: ["2001:db8::5"], trustedProxies: ["::1"]) == "2001:db8::5")
  }
}
