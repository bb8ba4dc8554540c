import DangVuCore

extension Links {
  /// The audit trail page with its filters, optionally from an older page on (`before`).
  static func audit(_ query: AuditQuery = AuditQuery(), before: Int64? = nil) -> String {
    var items: [(String, String)] = []
    if !query.actor.isEmpty { items.append(("nguoi", query.actor)) }
    if !query.action.isEmpty { items.append(("thao-tac", query.action)) }
    if !query.subject.isEmpty { items.append(("doi-tuong", query.subject)) }
    if let from = query.from { items.append(("tu", from.iso)) }
    if let to = query.to { items.append(("den", to.iso)) }
    if query.limit != AuditFilter.defaultLimit { items.append(("so-dong", String(query.limit))) }
    if let before { items.append(("truoc", String(before))) }
    guard !items.isEmpty else { return "/nhat-ky" }
    return "/nhat-ky?" + items.map { "\($0.0)=" + encode($0.1, allowed: queryAllowed) }.joined(separator: "&")
  }
}
