import DangVuCore
import DangVuStore

/// The progress of a unit's yearly programmes, kept while the store has not changed (`GenerationCache`): each body's
/// progress counts its inspections and supervisions begun and concluded in the year, two reads a request that cost
/// more than the page itself (docs/performance.md), and the page is opened far more often than a record is written.
struct ProgrammeProgressAnswers: Sendable {
  let kept = GenerationCache<[ConductingBody.Organ: ProgrammeProgress]>()

  /// The progress of each of the unit's bodies that has a programme for the year, on `day`.
  func progress(of unit: String, year: Int, on day: Day, store: any OversightStore & TreeStore) async throws
    -> [ConductingBody.Organ: ProgrammeProgress]
  {
    try await kept.value(key: "\(unit)|\(year)|\(day.iso)", of: store) {
      var found: [ConductingBody.Organ: ProgrammeProgress] = [:]
      for organ in ConductingBody.Organ.allCases {
        found[organ] = try await store.programmeProgress(body: ConductingBody(organ, of: unit), year: year, on: day)
      }
      return found
    }
  }
}
