import DangVuStore

extension StoreEngine {
  /// Runs `body` on a new, empty store of this engine for the evaluation's contract (yearly grades and their
  /// workflow, cycles by kind, a cell's sheet), closed afterwards.
  func withEvaluationStore(_ body: (any Parts) async throws -> Void) async throws {
    try await withNewStore { store, _ in try await body(store) }
  }
}
