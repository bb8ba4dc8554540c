/// What a batch of grades changes in the evaluation's rollups, gathered in memory and written once at the end of the
/// transaction by either engine: a cell of 30 members touches each ancestor's rows once, not 30 times. A grade counts
/// at its unit and at every unit above it as the tree stood on the evaluation date; its units' sheet versions move on,
/// so an edit made before is stale.
public struct GradeRollupChanges: Sendable {
  public struct Key: Hashable, Sendable {
    public var unit: Int64
    public var subject: String
    public var outcome: String
  }

  private var deltas: [Key: Int] = [:]
  /// The units whose grades changed: their sheet versions move on when the changes are written.
  public private(set) var touchedUnits = Set<Int64>()

  public init() {}

  /// A grade of `subject` (its rollup key) with `outcome` counted `delta` times at `unit`, along `chain` (the unit and
  /// its ancestors on the evaluation date).
  public mutating func count(subject: String, outcome: String, unit: Int64, chain: [Int64], by delta: Int) {
    for ancestor in chain { deltas[Key(unit: ancestor, subject: subject, outcome: outcome), default: 0] += delta }
    touchedUnits.insert(unit)
  }

  /// The non-zero changes in key order (every writer locks the same rows in the same order, so two servers' batches
  /// cannot deadlock on them), and the units whose excellent cap they touch.
  public var rows: (changes: [(key: Key, delta: Int)], capUnits: Set<Int64>) {
    let changes = deltas.filter { $0.value != 0 }.map { (key: $0.key, delta: $0.value) }.sorted {
      ($0.key.unit, $0.key.subject, $0.key.outcome) < ($1.key.unit, $1.key.subject, $1.key.outcome)
    }
    let capUnits = Set(
      changes.filter { ExcellentCapRule.touches(subjectKey: $0.key.subject, outcome: $0.key.outcome) }.map(\.key.unit))
    return (changes, capUnits)
  }
}
