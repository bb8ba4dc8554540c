import DangVuCore
import DangVuStore
import Foundation

/// The engines every contract test runs against. PostgreSQL joins this list when it lands.
enum Engine: String, CaseIterable {
  case sqliteInMemory
  case sqliteFile

  func makeStore() throws -> any PartyStore {
    switch self {
    case .sqliteInMemory: return try SQLiteStore.inMemory()
    case .sqliteFile:
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-\(UUID().uuidString).sqlite")
        .path
      return try SQLiteStore(path: path)
    }
  }
}
