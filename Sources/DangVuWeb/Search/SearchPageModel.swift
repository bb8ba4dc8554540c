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

  static func load(from store: any PartyStore, query: String, withinCode: String?) async throws -> SearchPageModel {
    var within: UnitPageModel.UnitRef?
    if let withinCode {
      guard let unit = try await store.organisation(code: withinCode) else {
        throw PageError(
          status: .notFound, title: "Không tìm thấy tổ chức",
          message: "Không có tổ chức đảng nào mang mã “\(withinCode)” để tìm trong đó.")
      }
      within = UnitPageModel.UnitRef(code: unit.code, name: unit.name)
    }
    let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
    let hits =
      trimmed.isEmpty ? [] : try await store.searchMembers(trimmed, within: within?.code, limit: limit)
    return SearchPageModel(query: trimmed, within: within, hits: hits)
  }
}
