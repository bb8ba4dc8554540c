import DangVuCore
import DangVuStore

/// A unit's grading progress, kept while the store has not changed (`GenerationCache`): counting a year's grades by
/// state for a province and each unit below it reads every grade of the province twice, about 120 ms of server
/// CPU at national scale (docs/performance.md), and the page is opened far more often than a grade changes.
struct GradingProgressAnswers: Sendable {
  let kept = GenerationCache<GradingProgress>()

  func progress(of code: String, year: Int, store: any EvaluationStore & TreeStore) async throws -> GradingProgress {
    try await kept.value(key: "\(code)|\(year)", of: store) {
      try await store.gradingProgress(of: code, year: year)
    }
  }
}
