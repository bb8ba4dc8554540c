import CSV
import DangVuCore
import Foundation

/// Writes a file in the import formats: UTF-8 without BOM, comma-separated, a header row, quoting
/// only where needed. The writing itself is CSV.swift's.
final class CSVFileWriter {
  private let stream: BufferedOutputStream
  private let writer: CSVWriter
  private(set) var rows = 0

  init(handle: FileHandle, header: [String]) throws {
    stream = BufferedOutputStream(handle: handle)
    writer = try CSVWriter(stream: stream, delimiter: ",", newline: .lf)
    try writer.write(row: header)
  }

  func write(_ fields: [String]) throws {
    try writer.write(row: fields)
    rows += 1
  }

  /// Ends the last line and writes out what is buffered; throws if any write failed.
  func finish() throws {
    _ = stream.write("\n", maxLength: 1)
    stream.close()
    if let error = stream.streamError { throw error }
  }
}

extension RegisterStore {
  /// The register in batches for an export, telling `progress` how many members have been written.
  func forEachMemberBatch(
    batchSize: Int, phase: String, progress: @Sendable (WorkProgress) -> Void,
    _ body: ([(member: Member, events: [MembershipEvent])]) throws -> Void
  ) async throws {
    let total = try await statistics().members
    var done = 0
    progress(WorkProgress(phase: phase, done: 0, total: total))
    try await forEachMemberBatch(batchSize: batchSize) { batch in
      try body(batch)
      done += batch.count
      progress(WorkProgress(phase: phase, done: done, total: total))
    }
  }
}
