import DangVuCore
import DangVuStore
import Foundation
import Logging
import Synchronization

/// Confirmed imports running behind the page: the confirmation answers at once with the address of a page that
/// shows how far the import has gone and, at its end, what it wrote. A job is seen only by the account that
/// started it, and forgotten an hour after it ends.
final class ImportJobs: Sendable {
  enum State: Sendable {
    case running(WorkProgress)
    case finished(ImportOutcome)
    case failed(String)
  }

  struct Job: Sendable {
    var login: String
    var fileName: String
    var kind: ImportFileKind
    var state: State
    var ended: ContinuousClock.Instant?
  }

  private let jobs = Mutex<[String: Job]>([:])

  /// Starts `work` in the background and returns the job's id.
  func start(
    login: String, fileName: String, kind: ImportFileKind,
    _ work: @escaping @Sendable (@escaping @Sendable (WorkProgress) -> Void) async throws -> ImportOutcome
  ) -> String {
    let id = UUID().uuidString.lowercased()
    jobs.withLock { all in
      let now = ContinuousClock.now
      all = all.filter { _, job in job.ended.map { now - $0 < CheckedUploads.lifetime } ?? true }
      all[id] = Job(
        login: login, fileName: fileName, kind: kind,
        state: .running(WorkProgress(phase: "chuẩn bị", done: 0, total: 0)))
    }
    Task {
      let ended: State
      do {
        ended = .finished(try await work { progress in self.update(id, .running(progress)) })
      } catch let refused as DomainError {
        ended = .failed(refused.message)
      } catch {
        // What went wrong inside is for the log, not for the page.
        Logger(label: "dangvu.import").error("import failed", metadata: ["file": "\(fileName)", "error": "\(error)"])
        ended = .failed("lỗi máy chủ khi ghi.")
      }
      self.update(id, ended)
    }
    return id
  }

  /// The job `id` if `login` started it.
  func job(_ id: String, for login: String) -> Job? {
    jobs.withLock { $0[id] }.flatMap { $0.login == login ? $0 : nil }
  }

  private func update(_ id: String, _ state: State) {
    jobs.withLock { all in
      guard var job = all[id], job.ended == nil else { return }
      job.state = state
      if case .running = state {} else { job.ended = .now }
      all[id] = job
    }
  }
}
