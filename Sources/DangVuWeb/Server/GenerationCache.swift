import DangVuStore

/// Answers kept while nothing in the store has changed since (`PartyStore.dataGeneration`): a report, a plan's
/// pace or a list of targets takes milliseconds to compute at province scale and the same one is asked for again
/// and again; any commit, by this server or another sharing the database, makes every kept answer stale at once,
/// so an answer is never older than the data.
///
/// One computation a key and generation: requests that miss while it runs wait for it instead of each computing
/// the same answer. Without that, the first write under load sent every waiting request into the same 20–100 ms
/// computation at once (100 connections × 110 ms of CPU on two cores: seconds without an answer).
actor GenerationCache<Value: Sendable> {
  /// Enough for every report of a province's units a few periods deep; past it the oldest go.
  static var capacity: Int { 512 }

  private var entries: [String: (generation: Int64, value: Value)] = [:]
  private var order: [String] = []
  /// The computations running now, by key, with the generation each was started at.
  private var running: [String: (generation: Int64, task: Task<Value, any Error>)] = [:]

  /// The kept value for `key` if the store is still at `generation`; otherwise computes it (or waits for the
  /// computation of the same key and generation already running) and keeps it. The generation is read before
  /// computing, so a commit during the computation makes it stale.
  func value(
    key: String, generation: Int64?, compute: @escaping @Sendable () async throws -> Value
  ) async throws -> Value {
    guard let generation else { return try await compute() }
    if let kept = entries[key], kept.generation == generation { return kept.value }
    if let started = running[key], started.generation == generation { return try await started.task.value }
    let task = Task { try await compute() }
    running[key] = (generation, task)
    defer { if running[key]?.generation == generation { running[key] = nil } }
    let value = try await task.value
    keep(value, key: key, generation: generation)
    return value
  }

  private func keep(_ value: Value, key: String, generation: Int64) {
    // A slower computation of an older generation must not replace a newer answer.
    if let kept = entries[key], kept.generation > generation { return }
    if entries.updateValue((generation, value), forKey: key) == nil {
      order.append(key)
      if order.count > Self.capacity { entries[order.removeFirst()] = nil }
    }
  }
}

extension GenerationCache {
  /// The kept value for `key` while `store` is at the generation it is at now: what every caller wants, so the
  /// generation is read here rather than beside each call.
  func value(
    key: String, of store: any TreeStore, compute: @escaping @Sendable () async throws -> Value
  ) async throws -> Value {
    try await value(key: key, generation: try await store.dataGeneration(), compute: compute)
  }
}

/// The JSON API's reports as last answered.
typealias ReportCache = GenerationCache<String>

extension GenerationCache where Value == String {
  func body(
    key: String, generation: Int64?, compute: @escaping @Sendable () async throws -> String
  ) async throws -> String {
    try await value(key: key, generation: generation, compute: compute)
  }
}
