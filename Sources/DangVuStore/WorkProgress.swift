/// How far long work has gone (a demo load, an import, an export), for a progress bar on the command line
/// and on the import page.
public struct WorkProgress: Hashable, Sendable {
  /// What is being done, in Vietnamese ("tổ chức đảng", "kiểm tra từng dòng", …).
  public var phase: String
  public var done: Int
  public var total: Int

  public init(phase: String, done: Int, total: Int) {
    self.phase = phase
    self.done = done
    self.total = total
  }

  /// The share done, 0…1 (a phase of unknown size counts as done).
  public var fraction: Double { total > 0 ? min(1, Double(done) / Double(total)) : 1 }
}
