import ArgumentParser
import DangVuCore
import DangVuDemo
import DangVuStore
import Foundation

/// `dangvu bench import`: the member import benchmark of docs/performance.md in one command, so anyone can
/// rerun it: a demo of N members, its units and members exported to CSV, the units imported into a fresh
/// database, and the members file imported into it, timed.
struct ImportBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Member import speed: a demo exported to CSV and imported into a fresh database, timed.")

  @Option(help: "Members of the demo the files are made from (the file holds a few more member records).")
  var members: Int = 500_000
  @Option(help: "Seed of the demo.") var seed: UInt64 = 1
  @Option(help: "Directory for the databases and files (kept, so the import can be rerun by hand).")
  var directory: String = FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-bench-import").path

  func run() async throws {
    do {
      let dir = URL(fileURLWithPath: directory)
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      let path = { (name: String) in dir.appendingPathComponent(name).path }
      for name in ["source.sqlite", "target.sqlite"] {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path(name + suffix)) }
      }
      let source = try SQLiteStore(path: path("source.sqlite"))
      _ = try await DemoLoader.load(into: source, options: DemoOptions(members: members, seed: seed)) { _ in }
      try await Self.write(path("organisations.csv")) { try await OrganisationsFile.export(from: source, to: $0) }
      try await Self.write(path("members.csv")) { try await MembersFile.export(from: source, to: $0) }

      let target = try SQLiteStore(path: path("target.sqlite"))
      let units = try Self.read(path("organisations.csv"))
      _ = try await OrganisationsFile.importing(units, into: target)
      let file = try Self.read(path("members.csv"))
      let start = ContinuousClock.now
      let rows = try await MembersFile.importing(file, into: target)
      let seconds = (ContinuousClock.now - start).milliseconds / 1000
      print(
        String(
          format: "imported %d members (%.1f MB) in %.2f s: %.0f rows/s (files in %@)", rows,
          Double(file.count) / 1e6, seconds, Double(rows) / seconds, directory))
    } catch { throw fail(error) }
  }

  private static func write(_ path: String, _ body: (FileHandle) async throws -> Int) async throws {
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
      throw DomainError("bench.file", "Không tạo được tệp \(path) để ghi dữ liệu đo.")
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    _ = try await body(handle)
  }

  private static func read(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }
}
