import DangVuCore

/// Addresses of the grading workflow by level.
extension Links {
  /// A unit's grading progress for `year`: its own grades by state, the units below it, and the steps
  /// (submit, approve, send back, reopen) the signed-in person may take.
  static func gradingProgress(_ code: String, year: Int? = nil, done: GradeWorkflowAction? = nil) -> String {
    var link = "/to-chuc/" + encode(code, allowed: pathAllowed) + "/tien-do-xep-loai"
    var query: [String] = []
    if let year { query.append("nam=\(year)") }
    if let done { query.append("da=\(done.rawValue)") }
    if !query.isEmpty { link += "?" + query.joined(separator: "&") }
    return link
  }
}
