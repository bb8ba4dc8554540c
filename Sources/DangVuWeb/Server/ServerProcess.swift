import NIOCore
import NIOPosix

#if canImport(Glibc)
  import Glibc
#endif

/// Settings of the whole process that only a long-running server wants, made once before it starts.
public enum ServerProcess {
  /// Runs Swift's tasks on the server's own event-loop threads and keeps freed memory for reuse.
  ///
  /// Measured with wrk on the national demo (docs/performance.md, issue 6): a request otherwise moved
  /// between NIO's threads and Swift's task pool and back, and those hand-offs, with glibc handing freed
  /// pages back to the kernel only to fault them in again on the next request, cost more than the page's
  /// SQL. Reads that block are short and bounded (`readOnCallingThread`); longer ones still go to
  /// GRDB's own queues and resume here. Call once, before the server starts.
  public static func prepare() {
    NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    #if canImport(Glibc)
      // Keep up to 128 MiB of freed memory per arena instead of returning it after every request, and
      // allocate blocks up to 16 MiB from the heap rather than from fresh mappings. `mallopt` is not in
      // the Glibc module (it is in malloc.h), so it is looked up by name; the numbers are malloc.h's.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      if let symbol = dlsym(nil, "mallopt") {
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1
        let mmapThreshold: Int32 = -3
        _ = mallopt(trimThreshold, 128 << 20)
        _ = mallopt(mmapThreshold, 16 << 20)
      }
    #endif
  }
}
