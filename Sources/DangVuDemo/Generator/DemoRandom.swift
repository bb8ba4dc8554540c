import DangVuCore

/// A seedable random generator (xoshiro256**), so the same seed gives the same demo province on
/// every machine and every Swift version: `SystemRandomNumberGenerator` cannot be seeded, and the
/// standard library's `random(in:using:)` algorithms are not promised to stay the same.
public struct DemoRandom: RandomNumberGenerator, Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  public init(seed: UInt64) {
    var sm = seed
    // SplitMix64 spreads any seed (even 0) over the four words of state, as xoshiro's authors advise.
    func splitMix(_ x: inout UInt64) -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s0 = splitMix(&sm)
    s1 = splitMix(&sm)
    s2 = splitMix(&sm)
    s3 = splitMix(&sm)
  }

  /// An independent stream for one part of the demo (a province, a district, a purpose), so each
  /// part can be generated on its own, lazily and in any order, and still come out the same.
  public init(seed: UInt64, stream: UInt64...) {
    var mixed = seed
    for part in stream {
      mixed = (mixed ^ part) &* 0x9E37_79B9_7F4A_7C15
      mixed ^= mixed >> 29
    }
    self.init(seed: mixed)
  }

  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3 << 45 | s3 >> 19
    return result
  }

  /// A whole number in `0..<n` (n > 0), by Lemire's multiply-shift; the bias is below 2⁻³² here.
  public mutating func below(_ n: Int) -> Int {
    precondition(n > 0)
    return Int(next().multipliedFullWidth(by: UInt64(n)).high)
  }

  public mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// A real number in [0, 1).
  public mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  public mutating func chance(_ p: Double) -> Bool { unit() < p }

  public mutating func element<T>(of list: [T]) -> T { list[below(list.count)] }

  /// A day in `from...through`.
  public mutating func day(from: Day, through: Day) -> Day {
    guard through > from else { return from }
    return from.adding(days: below(through.daysSinceEpoch - from.daysSinceEpoch + 1))
  }

  /// In-place Fisher–Yates shuffle with this generator.
  public mutating func shuffle<T>(_ list: inout [T]) {
    guard list.count > 1 else { return }
    for i in stride(from: list.count - 1, to: 0, by: -1) {
      list.swapAt(i, below(i + 1))
    }
  }
}

/// Items with weights, drawn in proportion to them (a cumulative table and a binary search).
public struct WeightedTable<Item: Sendable>: Sendable {
  public let items: [Item]
  private let cumulative: [Double]

  public init(_ pairs: [(Item, Double)]) {
    items = pairs.map(\.0)
    var total = 0.0
    cumulative = pairs.map {
      total += $0.1
      return total
    }
  }

  public func pick(_ random: inout DemoRandom) -> Item {
    let target = random.unit() * cumulative[cumulative.count - 1]
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let mid = (low + high) / 2
      if cumulative[mid] > target { high = mid } else { low = mid + 1 }
    }
    return items[low]
  }
}
