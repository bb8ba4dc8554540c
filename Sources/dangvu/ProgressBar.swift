import DangVuCore
import DangVuStore
import Foundation

/// A progress bar on standard error: redrawn in place at most ten times a second on a terminal;
/// in a log (not a terminal) one line each time a phase passes another tenth, so logs stay short.
final class ProgressBar: @unchecked Sendable {
  private let lock = NSLock()
  private let isTerminal = isatty(STDERR_FILENO) != 0
  private let started = ContinuousClock.now
  private var lastDraw: ContinuousClock.Instant?
  private var phase = ""
  private var lastTenth = -1
  private var drawn = false

  func update(_ p: WorkProgress) {
    lock.lock()
    defer { lock.unlock() }
    let newPhase = p.phase != phase
    if newPhase {
      if drawn && isTerminal { FileHandleOutput.standardError.write("\n") }
      phase = p.phase
      lastTenth = -1
      lastDraw = nil
    }
    let fraction = p.fraction
    if isTerminal {
      let now = ContinuousClock.now
      if let lastDraw, now - lastDraw < .milliseconds(100), p.done < p.total { return }
      lastDraw = now
      let width = 30
      let filled = Int(fraction * Double(width))
      let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
      FileHandleOutput.standardError.write(
        "\r\(phase.capitalisedFirst) [\(bar)] \(Int(fraction * 100))% "
          + "\(VietnameseNumber.count(p.done))/\(VietnameseNumber.count(p.total))  \(elapsed)\u{1B}[K")
      drawn = true
    } else {
      let tenth = Int(fraction * 10)
      guard tenth > lastTenth else { return }
      lastTenth = tenth
      FileHandleOutput.standardError.write(
        "\(phase.capitalisedFirst): \(tenth * 10)% (\(VietnameseNumber.count(p.done))/\(VietnameseNumber.count(p.total))), \(elapsed)\n"
      )
    }
  }

  /// Ends the bar's line so what follows starts on a fresh one.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drawn && isTerminal { FileHandleOutput.standardError.write("\n") }
    drawn = false
  }

  private var elapsed: String { Self.format(ContinuousClock.now - started) }

  /// "1 phút 05 giây", "12 giây".
  static func format(_ d: Duration) -> String {
    let seconds = Int(d.components.seconds)
    if seconds < 60 { return String(format: "%.1f giây", Double(d.components.attoseconds) / 1e18 + Double(seconds)) }
    return "\(seconds / 60) phút \(String(format: "%02d", seconds % 60)) giây"
  }
}

extension String {
  fileprivate var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
