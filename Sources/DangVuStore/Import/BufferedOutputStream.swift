import Foundation

/// An `OutputStream` that gathers bytes and hands them to a file handle a megabyte at a time.
///
/// CSV.swift's writer writes one byte per call; straight to a file that would be a system call per
/// byte, so exports go through this buffer instead.
final class BufferedOutputStream: OutputStream {
  /// Nil when made with `init(toMemory:)`: the bytes then stay in `buffer`.
  private let handle: FileHandle?
  private var buffer: [UInt8] = []
  private var status: Stream.Status = .notOpen
  private var failure: (any Error)?
  private static let chunk = 1 << 20

  init(handle: FileHandle) {
    self.handle = handle
    buffer.reserveCapacity(Self.chunk)
    super.init(toMemory: ())
  }

  required init(toMemory: ()) {
    handle = nil
    super.init(toMemory: ())
  }

  /// What was written, for a stream kept in memory.
  var bytes: [UInt8] { buffer }

  override var streamStatus: Stream.Status { status }
  override var streamError: (any Error)? { failure }
  override var hasSpaceAvailable: Bool { status == .open }

  override func open() { if status == .notOpen { status = .open } }

  override func close() {
    guard status == .open else { return }
    flush()
    status = .closed
  }

  override func write(_ bytes: UnsafePointer<UInt8>, maxLength len: Int) -> Int {
    guard status == .open else { return -1 }
    buffer.append(contentsOf: UnsafeBufferPointer(start: bytes, count: len))
    if buffer.count >= Self.chunk { flush() }
    return status == .open ? len : -1
  }

  /// Writes what is buffered; a failure (disk full) is kept and makes later writes fail.
  func flush() {
    guard let handle, !buffer.isEmpty else { return }
    do {
      try handle.write(contentsOf: buffer)
    } catch {
      failure = error
      status = .error
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
