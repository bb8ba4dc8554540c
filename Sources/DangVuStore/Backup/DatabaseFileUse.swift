import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether another process has a SQLite database in WAL mode open, asked of the kernel rather than of a pid
/// file a killed server would leave behind.
///
/// Every connection to a WAL database holds a shared POSIX lock on one byte of the `-shm` file (the "DMS"
/// byte, offset 128, `UNIX_SHM_DMS` in SQLite's os_unix.c) for as long as it is open; the kernel drops it
/// when the process ends, however it ends. So a write lock on that byte that would conflict means a live
/// process — a server, or a command — has the file open. Locks held by this process are not reported,
/// so call it before opening the file here.
public enum DatabaseFileUse {
  static let dmsByte: off_t = 128

  public static func isOpenElsewhere(_ path: String) -> Bool {
    let descriptor = open(path + "-shm", O_RDONLY)
    // No -shm file: no connection has the database open in WAL mode.
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var probe = flock()
    probe.l_type = Int16(F_WRLCK)
    probe.l_whence = Int16(SEEK_SET)
    probe.l_start = dmsByte
    probe.l_len = 1
    guard fcntl(descriptor, F_GETLK, &probe) == 0 else { return false }
    return probe.l_type != Int16(F_UNLCK)
  }
}
