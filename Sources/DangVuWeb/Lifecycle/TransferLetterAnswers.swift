import DangVuCore
import DangVuStore

/// The letters pending in a subtree, kept while the store has not changed (`GenerationCache`): the transfers page and
/// its API are opened far more often than a letter is sent or received, and finding a province's letters takes
/// about 20 ms a direction at national scale (bench/web.sh, docs/performance.md).
struct TransferLetterAnswers: Sendable {
  let letters = GenerationCache<[TransferLetter]>()

  func pending(
    within code: String, direction: TransferDirection, on day: Day, store: any LifecycleRecording & TreeStore
  ) async throws
    -> [TransferLetter]
  {
    try await letters.value(
      key: "\(code)|\(direction.rawValue)|\(day.iso)", of: store
    ) {
      try await store.pendingTransferLetters(within: code, direction: direction, on: day)
    }
  }
}
