/// A correction of a complaint or denunciation entered wrongly: its kind, its summary and, once settled, the day and
/// the finding, with the reason. The subject and the day received are not corrected: they fix the unit the
/// complaint is counted in.
public struct ComplaintCorrection: Hashable, Sendable, Codable {
  public var complaintID: Int64
  public var kind: Complaint.Kind
  public var summary: String
  public var resolved: Day?
  public var finding: Complaint.Finding?
  public var reason: String

  public init(
    complaintID: Int64, kind: Complaint.Kind, summary: String, resolved: Day?, finding: Complaint.Finding?,
    reason: String
  ) {
    self.complaintID = complaintID
    self.kind = kind
    self.summary = summary
    self.resolved = resolved
    self.finding = finding
    self.reason = reason
  }

  public func applied(to c: Complaint) -> Complaint {
    var corrected = c
    corrected.kind = kind
    corrected.summary = summary
    corrected.resolved = resolved
    corrected.finding = finding
    return corrected
  }
}

extension OversightRules {
  /// Checks a correction: a reason, a change, and the corrected complaint passes the checks every complaint passes.
  public static func check(_ correction: ComplaintCorrection, of c: Complaint) throws(DomainError) {
    let corrected = correction.applied(to: c)
    try checkCorrection(reason: correction.reason, changed: corrected != c, of: "đơn \(c.kind.nameVi)")
    try check(corrected)
  }
}
