import DangVuCore
import DangVuStore
import Foundation
import Hummingbird

/// The audit trail's filters as a GET query, the same for the page and the API:
/// `nguoi` (login), `thao-tac` (action or family), `doi-tuong` (record), `tu`/`den` (days),
/// `truoc` (older than this number: the next page), `so-dong` (entries per page).
struct AuditQuery: Hashable, Sendable {
  var actor = ""
  var action = ""
  var subject = ""
  var from: Day?
  var to: Day?
  var before: Int64?
  var limit = AuditFilter.defaultLimit

  /// A page reads newest first; a longer one is paged.
  static let maximumLimit = 200

  init() {}

  init(_ request: Request) throws {
    actor = Self.text(request, "nguoi")
    action = Self.text(request, "thao-tac")
    subject = Self.text(request, "doi-tuong")
    from = try Self.day(request, "tu", "Từ ngày")
    to = try Self.day(request, "den", "Đến ngày")
    if let number = try request.queryNumber("truoc", in: 1...Int64.max) { before = number }
    if let number = try request.queryNumber("so-dong", in: 1...Self.maximumLimit) { limit = number }
    if let from, let to, from > to {
      throw Self.invalid("“Từ ngày” \(from.vietnamese) ở sau “đến ngày” \(to.vietnamese): hãy đổi lại hai ngày.")
    }
  }

  /// The store's filter, inside the subtree the principal acts in. One more entry than shown is asked
  /// for, to know whether an older page exists.
  func filter(within scopeCode: String) -> AuditFilter {
    AuditFilter(
      actor: actor.isEmpty ? nil : actor, action: action.isEmpty ? nil : action,
      subject: subject.isEmpty ? nil : subject, from: from, to: to, within: scopeCode, before: before,
      limit: limit + 1)
  }

  var isFiltered: Bool { !actor.isEmpty || !action.isEmpty || !subject.isEmpty || from != nil || to != nil }

  private static func text(_ request: Request, _ name: String) -> String {
    (request.queryValue(name) ?? "").trimmingCharacters(in: .whitespaces)
  }

  private static func day(_ request: Request, _ name: String, _ label: String) throws -> Day? {
    guard let text = request.queryValue(name), !text.isEmpty else { return nil }
    guard let day = Day(parsing: text) else {
      throw invalid("\(label) “\(text)” không hợp lệ. Hãy nhập ngày dạng 31/12/2023 hoặc 2023-12-31.")
    }
    return day
  }

  private static func invalid(_ message: String) -> PageError {
    PageError(status: .badRequest, title: "Điều kiện lọc không hợp lệ", message: message, code: "audit.badFilter")
  }
}
