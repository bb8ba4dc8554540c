import DangVuCore
import Foundation

extension EventsFile {
  /// What an events export wrote, and what it could not: a member without a party card number
  /// cannot be named in the events file.
  public struct ExportSummary: Sendable {
    public var rows: Int
    public var skippedEvents: Int
    public var membersWithoutCard: Int
  }

  /// Writes the events the members file does not carry (transfers, removals, a second exemption…),
  /// member by member in the order they were recorded, so importing the members file and then this
  /// one rebuilds every history.
  public static func export(
    from store: some RegisterStore, to handle: FileHandle, progress: @Sendable (WorkProgress) -> Void = { _ in }
  ) async throws -> ExportSummary {
    let codeOf = try await MembersFile.cellCodes(in: store)
    let file = try CSVFileWriter(handle: handle, header: Column.allCases.map(\.vietnamese))
    var skipped = 0
    var withoutCard = 0
    try await store.forEachMemberBatch(batchSize: 5_000, phase: "xuất sự kiện", progress: progress) { batch in
      for (member, events) in batch {
        let carried = MembersFile.carriedInRow(events)
        let rest = events.indices.filter { ![carried.opening, carried.official, carried.exempted].contains($0) }
        guard !rest.isEmpty else { continue }
        guard let card = member.partyCardNumber else {
          skipped += rest.count
          withoutCard += 1
          continue
        }
        for i in rest {
          let event = events[i]
          try file.write([
            card, event.kind.rawValue, event.date.iso, event.cellID.flatMap { codeOf[$0] } ?? "", event.note,
          ])
        }
      }
    }
    try file.finish()
    return ExportSummary(rows: file.rows, skippedEvents: skipped, membersWithoutCard: withoutCard)
  }
}
