import Testing

@testable import DangVuCore

/// Growing delays: free typing mistakes, then a wait that doubles up to a ceiling, never a lock.
@Suite struct SignInThrottleTests {
  let limit = SignInThrottle.perLogin

  @Test func theFirstFailuresAreFreeAndThenTheDelayDoublesUpToFifteenMinutes() {
    #expect((0..<5).map { limit.delay(afterFailures: $0) } == [0, 0, 0, 0, 0])
    #expect((5..<12).map { limit.delay(afterFailures: $0) } == [30, 60, 120, 240, 480, 900, 900])
    #expect(limit.delay(afterFailures: 10_000) == 900, "no overflow however many")
  }

  @Test func afterFiveFailuresTheNextTryWaitsFromTheLastOne() {
    let failures: [Double] = [100, 101, 102, 103, 104]
    let decision = SignInThrottle.decide(now: 110, loginFailures: failures, addressFailures: [], knownAddress: false)
    #expect(decision == .wait(seconds: 24))
    #expect(
      SignInThrottle.decide(now: 134, loginFailures: failures, addressFailures: [], knownAddress: false) == .check,
      "the owner gets in once the delay has passed")
  }

  @Test func fourFailuresStillAllowAnotherTry() {
    #expect(
      SignInThrottle.decide(now: 104, loginFailures: [100, 101, 102, 103], addressFailures: [], knownAddress: false)
        == .check)
  }

  @Test func aKnownAddressIsNotHeldUpByTheLoginsFailuresButStillByItsOwn() {
    let guesses: [Double] = Array(repeating: 100, count: 12)
    #expect(
      SignInThrottle.decide(now: 101, loginFailures: guesses, addressFailures: [], knownAddress: true) == .check)
    let ownFailures: [Double] = Array(repeating: 100, count: 20)
    #expect(
      SignInThrottle.decide(now: 101, loginFailures: guesses, addressFailures: ownFailures, knownAddress: true)
        == .wait(seconds: 29))
  }

  @Test func anAddressSprayingManyLoginsWaitsAfterTwenty() {
    let spray: [Double] = (0..<20).map { Double($0) }
    #expect(
      SignInThrottle.decide(now: 20, loginFailures: [], addressFailures: spray, knownAddress: false)
        == .wait(seconds: 29))
    #expect(
      SignInThrottle.decide(now: 20, loginFailures: [], addressFailures: Array(spray.dropLast()), knownAddress: false)
        == .check)
  }

  @Test func theLongerOfTheTwoWaitsApplies() {
    let login: [Double] = Array(repeating: 0, count: 10)  // 15 min from 0
    let address: [Double] = Array(repeating: 0, count: 20)  // 30 s from 0
    #expect(
      SignInThrottle.decide(now: 60, loginFailures: login, addressFailures: address, knownAddress: false)
        == .wait(seconds: 840))
  }
}
