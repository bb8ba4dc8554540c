import Dispatch
import Foundation

/// Pure work over the pieces of a large file, spread over the cores: reading and checking half a million
/// rows is several seconds on one core, and the machines that import them have at least two.
enum ParallelWork {
  static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// `count` items cut into ranges to handle concurrently: one range when there are too few to be worth it.
  static func pieces(_ count: Int, atLeast minimum: Int = 10_000) -> [Range<Int>] {
    let parts = count >= minimum ? cores * 2 : 1
    let size = (count + parts - 1) / max(1, parts)
    return stride(from: 0, to: count, by: max(1, size)).map { $0..<min($0 + size, count) }
  }

  /// `transform` of each range, in order; the ranges are handled concurrently.
  static func map<T: Sendable>(_ ranges: [Range<Int>], _ transform: @Sendable (Range<Int>) -> T) -> [T] {
    map(ranges.count) { transform(ranges[$0]) }
  }

  /// `transform(0..<count)`, in order; the pieces are handled concurrently and must not share mutable state.
  static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(transform) }
    let slots = Slots<T>(count: count)
    defer { slots.free() }
    DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, transform(i)) }
    return slots.values()
  }

  /// One slot per piece, each written by its own iteration only, read after all have finished.
  private final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
      buffer = .allocate(capacity: count)
      buffer.initialize(repeating: nil)
    }

    func set(_ i: Int, _ value: T) { buffer[i] = value }
    func values() -> [T] { buffer.map { $0! } }

    func free() {
      buffer.deinitialize()
      buffer.deallocate()
    }
  }
}
