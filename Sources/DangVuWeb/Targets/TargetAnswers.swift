import DangVuCore
import DangVuStore

/// The plans' pace and the targets related to a subtree, kept while the store has not changed
/// (`GenerationCache`): the targets page and its API are read far more often than plans change, and counting a
/// province's admissions of the year takes about 10 ms at national scale.
struct TargetAnswers: Sendable {
  let progress = GenerationCache<[AdmissionProgress]>()
  let targets = GenerationCache<[ReportTarget]>()

  func progress(within code: String, on day: Day, store: any TargetStore & TreeStore) async throws
    -> [AdmissionProgress]
  {
    try await progress.value(key: "\(code)|\(day.iso)", of: store) {
      try await store.admissionProgress(within: code, on: day)
    }
  }

  func targets(relatedTo code: String, on day: Day, store: any TargetStore & TreeStore) async throws -> [ReportTarget] {
    try await targets.value(key: "\(code)|\(day.iso)", of: store) {
      try await store.reportTargets(relatedTo: code, on: day)
    }
  }
}
