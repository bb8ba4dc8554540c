/// Addresses of leading posts and leadership collectives.
extension Links {
  /// Recording a post held by the member `id`.
  static func newPost(member id: Int64) -> String { "/dang-vien/\(id)/chuc-vu" }

  /// Recording the day a post ended.
  static func endPost(member id: Int64, post: Int64) -> String { "/dang-vien/\(id)/chuc-vu/\(post)/thoi-giu" }

  /// Recording a post held in the unit `code`, the member typed by card number.
  static func newPost(unit code: String) -> String { "/to-chuc/" + encode(code, allowed: pathAllowed) + "/chuc-vu" }

  static func newCollective(unit code: String) -> String {
    "/to-chuc/" + encode(code, allowed: pathAllowed) + "/tap-the"
  }

  static func newSeat(unit code: String, collective id: Int64) -> String {
    "/to-chuc/" + encode(code, allowed: pathAllowed) + "/tap-the/\(id)/thanh-vien"
  }
}

extension Links {
  /// Grading the cadres holding a post in the unit and its collectives, for `year`.
  static func leadershipGrading(_ code: String, year: Int? = nil, saved: Bool = false) -> String {
    var link = "/to-chuc/" + encode(code, allowed: pathAllowed) + "/xep-loai-lanh-dao"
    var query: [String] = []
    if let year { query.append("nam=\(year)") }
    if saved { query.append("da-luu=1") }
    if !query.isEmpty { link += "?" + query.joined(separator: "&") }
    return link
  }
}
