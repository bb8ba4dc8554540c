import DangVuCore
import Foundation

extension PopulationFile {
  /// Writes the recorded population of every unit for each of `years`. Returns the row count.
  ///
  /// The store answers one unit and year at a time, so the years are asked for rather than discovered.
  public static func export(
    from store: some PartyStore, years: ClosedRange<Int>, to handle: FileHandle
  ) async throws -> Int {
    let file = try CSVFileWriter(handle: handle, header: Column.allCases.map(\.vietnamese))
    for unit in try await store.allOrganisations().units {
      for year in years {
        if let people = try await store.population(ofOrganisation: unit.id, year: year) {
          try file.write([unit.code, String(year), String(people)])
        }
      }
    }
    try file.finish()
    return file.rows
  }
}
