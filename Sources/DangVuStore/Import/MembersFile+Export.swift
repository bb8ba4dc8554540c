import DangVuCore
import Foundation

extension MembersFile {
  /// Writes every member in the members format, streamed from the store in batches. The admission (or the
  /// arrival that opens the history), the first official date and the first exemption go in the member's
  /// row; the rest of the history is for the events file (`EventsFile.export`). Returns the row count.
  public static func export(
    from store: some RegisterStore, to handle: FileHandle, progress: @Sendable (WorkProgress) -> Void = { _ in }
  ) async throws -> Int {
    let codeOf = try await cellCodes(in: store)
    let file = try CSVFileWriter(handle: handle, header: Column.allCases.map(\.vietnamese))
    try await store.forEachMemberBatch(batchSize: 5_000, phase: "xuất đảng viên", progress: progress) { batch in
      for (member, events) in batch {
        let carried = carriedInRow(events)
        let opening = carried.opening.map { events[$0] }
        let arrived = opening?.kind == .transferredIn
        try file.write([
          member.partyCardNumber ?? "", member.fullName, member.gender.nameVi, member.birthDate.iso,
          member.ethnicity, member.religion, member.nationalID ?? "", member.homeTown, member.education,
          member.politicalTheory, member.occupation, opening?.cellID.flatMap { codeOf[$0] } ?? "",
          arrived ? "" : opening?.date.iso ?? "", carried.official.map { events[$0].date.iso } ?? "",
          carried.exempted.map { events[$0].date.iso } ?? "", arrived ? opening?.date.iso ?? "" : "",
        ])
      }
    }
    try file.finish()
    return file.rows
  }

  /// Which of a member's events the members file carries (by index): the opening (the first admission, or
  /// for a member admitted elsewhere the arrival that opens the history), official standing and exemption.
  /// The events file carries the others, so the two files together are the history.
  static func carriedInRow(_ events: [MembershipEvent]) -> (opening: Int?, official: Int?, exempted: Int?) {
    let opening =
      events.firstIndex { $0.kind == .admitted } ?? (events.first?.kind == .transferredIn ? events.startIndex : nil)
    return (opening, events.firstIndex { $0.kind == .madeOfficial }, events.firstIndex { $0.kind == .exempted })
  }

  static func cellCodes(in store: some TreeStore) async throws -> [Int64: String] {
    var codeOf: [Int64: String] = [:]
    for unit in try await store.allOrganisations().units { codeOf[unit.id] = unit.code }
    return codeOf
  }
}
