/// Reports as the JSON API last answered them, kept while nothing in the store has changed since
/// (`PartyStore.dataGeneration`). A report takes milliseconds to compute and encode at province scale and
/// the same one is asked for again and again; any commit, by this server or another sharing the
/// database, makes every kept answer stale at once, so an answer is never older than the data.
actor ReportCache {
  /// Enough for every report of a province's units a few periods deep; past it the oldest go.
  static let capacity = 512

  private var entries: [String: (generation: Int64, body: String)] = [:]
  private var order: [String] = []

  /// The kept body for `key` if the store is still at `generation`; otherwise computes it and keeps it.
  /// The generation is read before computing, so a commit during the computation makes it stale.
  func body(key: String, generation: Int64?, compute: @Sendable () async throws -> String) async throws -> String {
    guard let generation else { return try await compute() }
    if let kept = entries[key], kept.generation == generation { return kept.body }
    let body = try await compute()
    if entries.updateValue((generation, body), forKey: key) == nil {
      order.append(key)
      if order.count > Self.capacity { entries[order.removeFirst()] = nil }
    }
    return body
  }
}
