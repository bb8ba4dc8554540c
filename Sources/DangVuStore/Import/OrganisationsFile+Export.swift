import DangVuCore
import Foundation

extension OrganisationsFile {
  /// Writes every unit in the organisations format, each under the parent it was founded under,
  /// so the file imports into an empty database. Returns the row count.
  ///
  /// The format has no columns for later moves or for end dates: those stay in the database.
  public static func export(from store: some PartyStore, to handle: FileHandle) async throws -> Int {
    let (units, links) = try await store.allOrganisations()
    var codeOf: [Int64: String] = [:]
    for unit in units { codeOf[unit.id] = unit.code }
    // Links come oldest first per unit: the first one is where the unit was founded.
    var foundingParent: [Int64: Int64?] = [:]
    for link in links where foundingParent[link.child] == nil { foundingParent[link.child] = link.parent }
    let file = try CSVFileWriter(handle: handle, header: Column.allCases.map(\.vietnamese))
    for unit in units {
      let parent = (foundingParent[unit.id] ?? nil).flatMap { codeOf[$0] } ?? ""
      try file.write([unit.code, unit.name, unit.kind.code, parent, unit.founded.iso])
    }
    try file.finish()
    return file.rows
  }
}
