import Foundation

/// Prints how long each phase of a large import or load took, to standard error, when the environment has
/// DANGVU_TIMING set: how the figures in docs/performance.md were split into reading, checking and writing.
/// Public for the demo's loaders (DangVuDemo), timed the same way.
public struct PhaseTimer {
  public static let enabled = ProcessInfo.processInfo.environment["DANGVU_TIMING"] != nil
  private var last = ContinuousClock.now

  public init() {}

  public mutating func lap(_ phase: String) {
    guard Self.enabled else { return }
    let now = ContinuousClock.now
    FileHandle.standardError.write(Data("\(phase): \(now - last)\n".utf8))
    last = now
  }
}
