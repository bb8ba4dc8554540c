import Foundation

/// Runs the real `dangvu` executable, built beside the test bundle, as a person would from a shell.
struct DangVuBinary {
  struct Result {
    var status: Int32
    var out: String
    var err: String
  }

  static let url: URL = {
    if let path = ProcessInfo.processInfo.environment["DANGVU_BINARY"] { return URL(fileURLWithPath: path) }
    // The test bundle runs from the build folder, where `swift build` put the executable too.
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    return bundle.appendingPathComponent("dangvu")
  }()

  /// A fresh folder for one test's database and files.
  static func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @discardableResult
  static func run(_ arguments: [String], in dir: URL, input: String? = nil) throws -> Result {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    process.currentDirectoryURL = dir
    if let input {
      // Standard input that is not a terminal: what a script piping a password gives.
      let pipe = Pipe()
      process.standardInput = pipe
      pipe.fileHandleForWriting.write(Data(input.utf8))
      try pipe.fileHandleForWriting.close()
    }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read before waiting so a large output cannot fill the pipe and stall the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
      err: String(decoding: errData, as: UTF8.self))
  }
}
