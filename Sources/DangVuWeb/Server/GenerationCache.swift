import DangVuStore

/// Answers kept while nothing in the store has changed since (`PartyStore.dataGeneration`): a report, a plan's
/// pace or a list of targets takes milliseconds to compute at province scale and the same one is asked for again
/// and again; any commit, by this server or another sharing the database, makes every kept answer stale at once,
/// so an answer is never older than the data.
actor GenerationCache<Value: Sendable> {
  /// Enough for every report of a province's units a few periods deep; past it the oldest go.
  static var capacity: Int { 512 }

  private var entries: [String: (generation: Int64, value: Value)] = [:]
  private var order: [String] = []

  /// The kept value for `key` if the store is still at `generation`; otherwise computes it and keeps it.
  /// The generation is read before computing, so a commit during the computation makes it stale.
  func value(key: String, generation: Int64?, compute: @Sendable () async throws -> Value) async throws -> Value {
    guard let generation else { return try await compute() }
    if let kept = entries[key], kept.generation == generation { return kept.value }
    let value = try await compute()
    if entries.updateValue((generation, value), forKey: key) == nil {
      order.append(key)
      if order.count > Self.capacity { entries[order.removeFirst()] = nil }
    }
    return value
  }
}

extension GenerationCache {
  /// The kept value for `key` while `store` is at the generation it is at now: what every caller wants, so the
  /// generation is read here rather than beside each call.
  func value(key: String, of store: any PartyStore, compute: @Sendable () async throws -> Value) async throws -> Value {
    try await value(key: key, generation: try await store.dataGeneration(), compute: compute)
  }
}

/// The JSON API's reports as last answered.
typealias ReportCache = GenerationCache<String>

extension GenerationCache where Value == String {
  func body(key: String, generation: Int64?, compute: @Sendable () async throws -> String) async throws -> String {
    try await value(key: key, generation: generation, compute: compute)
  }
}
