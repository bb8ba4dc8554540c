#if canImport(Glibc)
  import Glibc
#endif

/// Settings of the whole process that only a long-running server wants, made once before it starts.
public enum ServerProcess {
  /// Keeps freed memory for reuse. Call once, before the server starts.
  ///
  /// Swift's tasks stay on Swift's own pool. Running them on the server's event loops (decision 0013) saved a
  /// hand-off a request but was unfair under load: with 100 connections, the connections of one loop went
  /// unanswered for seconds while the other loop's were served in milliseconds (p99 1.3–1.8 s, wrk timeouts),
  /// and on the default pool the same page answered every connection within 60 ms (decision 0037).
  public static func prepare() {
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
