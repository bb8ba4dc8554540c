import Foundation
import Synchronization

/// A clock the test moves by hand, so delays and expiries are tested without waiting.
final class TestClock: Sendable {
  private let current: Mutex<Date>

  init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) { current = Mutex(start) }

  var now: Date { current.withLock { $0 } }

  func advance(seconds: Double) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }

  var read: @Sendable () -> Date { { [self] in self.now } }
}
