import DangVuCore

/// Addresses of the member register and of grading a cell.
extension Links {
  static func member(_ id: Int64) -> String { "/dang-vien/\(id)" }

  static func editMember(_ id: Int64) -> String { "/dang-vien/\(id)/sua" }

  /// The form adding a member admitted into the cell `code`.
  static func newMember(inCell code: String) -> String {
    "/dang-vien/moi?to-chuc=" + encode(code, allowed: queryAllowed)
  }

  static func cellGrading(_ code: String, year: Int? = nil, saved: Bool = false) -> String {
    var out = "/to-chuc/" + encode(code, allowed: pathAllowed) + "/xep-loai"
    var query: [String] = []
    if let year { query.append("nam=\(year)") }
    if saved { query.append("da-luu=1") }
    if !query.isEmpty { out += "?" + query.joined(separator: "&") }
    return out
  }
}
