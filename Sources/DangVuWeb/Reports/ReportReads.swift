import DangVuStore

/// Where the JSON reports are computed (`dangvu serve --read-database`, issue 23 part 4): on the read replica when it
/// has every commit the primary has, on the primary otherwise. Both engines move one change counter with every
/// commit (`dataGeneration`), and a replica's counter is the primary's as replayed: equal counters mean the replica
/// holds what the primary held at that number, so its answer is the primary's and the report cache may keep it under
/// that number. A replica behind costs the primary the report, never a stale answer, and never a read-your-writes
/// surprise for the person who has just saved.
struct ReportReads: Sendable {
  let primary: any ReportingStore
  let replica: (any ReportingStore)?

  init(primary: any ReportingStore, replica: (any ReportingStore)? = nil) {
    self.primary = primary
    self.replica = replica
  }

  /// The store to compute on and the generation its answer belongs to.
  func current() async throws -> (store: any ReportingStore, generation: Int64?) {
    let generation = try await primary.dataGeneration()
    guard let replica, let generation, try await replica.dataGeneration() == generation else {
      return (primary, generation)
    }
    return (replica, generation)
  }
}
