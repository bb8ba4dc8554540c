/// When the next sign-in attempt may have its password checked (docs/decisions/0018).
///
/// Growing delays instead of a lock: after a few free failures, the next try for that login, or from
/// that address, waits a delay that doubles with each further failure up to a ceiling. A refused
/// (throttled) try is not a failure, so waiting and trying again never makes the wait longer, and
/// the owner gets in with the right password as soon as the delay has passed.
public enum SignInThrottle {
  public struct Limit: Sendable, Equatable {
    /// Failures allowed without any delay: typing mistakes.
    public var freeFailures: Int
    /// Seconds after the first failure beyond the free ones; doubles with each further failure.
    public var firstDelay: Double
    /// The ceiling: a guesser gets at most one try per this many seconds, and the owner never waits longer.
    public var maximumDelay: Double

    public init(freeFailures: Int, firstDelay: Double, maximumDelay: Double) {
      self.freeFailures = freeFailures
      self.firstDelay = firstDelay
      self.maximumDelay = maximumDelay
    }

    /// The wait after `failures` failures: none within the free ones, then 30 s, 1, 2, 4, 8, 15 min.
    public func delay(afterFailures failures: Int) -> Double {
      guard failures >= freeFailures else { return 0 }
      // Capped exponent: 2^20 × 30 s is far past any ceiling, and a larger power could overflow.
      let doublings = min(failures - freeFailures, 20)
      return min(maximumDelay, firstDelay * Double(1 << doublings))
    }
  }

  /// One login, tried from any address: a guesser spreading over many addresses still meets it.
  public static let perLogin = Limit(freeFailures: 5, firstDelay: 30, maximumDelay: 15 * 60)
  /// One client address, whatever login it types: stops spraying one password over many logins.
  public static let perAddress = Limit(freeFailures: 20, firstDelay: 30, maximumDelay: 15 * 60)
  /// Failures older than this no longer count (seconds).
  public static let window: Double = 24 * 3600
  /// An address where the login signed in within this many seconds is the owner's known place.
  public static let knownAddressPeriod: Double = 30 * 24 * 3600

  public enum Decision: Sendable, Equatable {
    /// Check the password (and count the attempt as a failure until it proves right).
    case check
    /// Refuse without checking; try again after this many whole seconds.
    case wait(seconds: Int)
  }

  /// What the failures so far allow at `now` (seconds since 1970).
  /// - Parameters:
  ///   - loginFailures: times of the login's failures since its last success, within `window`.
  ///   - addressFailures: times of the address's failures within `window`, any login.
  ///   - knownAddress: the login signed in from this address within `knownAddressPeriod`: the login's
  ///     own limit does not apply there, so guesses from elsewhere cannot hold the owner up at their desk.
  public static func decide(
    now: Double, loginFailures: [Double], addressFailures: [Double], knownAddress: Bool,
    perLogin: Limit = perLogin, perAddress: Limit = perAddress
  ) -> Decision {
    var free = now
    if !knownAddress { free = max(free, nextTry(after: loginFailures, perLogin)) }
    free = max(free, nextTry(after: addressFailures, perAddress))
    guard free > now else { return .check }
    return .wait(seconds: max(1, Int((free - now).rounded(.up))))
  }

  /// The earliest time the next try is checked: the latest failure plus the delay its count earns.
  static func nextTry(after failures: [Double], _ limit: Limit) -> Double {
    guard let last = failures.max() else { return -Double.infinity }
    return last + limit.delay(afterFailures: failures.count)
  }
}
