import DangVuCore
import DangVuStore
import Foundation

/// A search by name over the current register, optionally within one unit's subtree.
struct SearchPageModel: Sendable {
  /// Enough for a person to scan; a longer list means the query should be more precise.
  static let limit = 100

  var query: String
  var within: UnitPageModel.UnitRef?
  var hits: [MemberHit]

  /// Searches within `withinCode`; the page names the unit only when the person chose it (`named`),
  /// not when it is their whole scope.
  static func load(
    from store: any RegisterStore, query: String, withinCode: String, named: Bool, today: Day
  ) async throws
    -> SearchPageModel
  {
    var within: UnitPageModel.UnitRef?
    if named {
      guard let unit = try await store.organisation(code: withinCode) else {
        throw PageError(
          status: .notFound, title: "Không tìm thấy tổ chức",
          message: "Không có tổ chức đảng nào mang mã “\(withinCode)” để tìm trong đó.")
      }
      within = UnitPageModel.UnitRef(code: unit.code, name: unit.name)
    }
    let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
    let hits =
      trimmed.isEmpty ? [] : try await store.searchMembers(trimmed, within: withinCode, on: today, limit: limit)
    return SearchPageModel(query: trimmed, within: within, hits: hits)
  }
}
