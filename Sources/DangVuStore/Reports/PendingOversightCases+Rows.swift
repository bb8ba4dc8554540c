import DangVuCore

/// The dashboard's open oversight work made from the rows either engine reads: the same counts and the same lines for
/// the same records. A kind this build does not know is an error (`StoredValue`), never a case left uncounted.
extension PendingOversightCases {
  /// Open inspections and supervisions by their stored kind, open complaints and denunciations by theirs.
  public init(
    inspectionsByKind: [(kind: String, count: Int)], complaintsByKind: [(kind: String, count: Int)], oldest: [Case]
  ) throws {
    var inspections = 0
    var supervisions = 0
    for (code, count) in inspectionsByKind {
      let kind = try StoredValue.decode(code, column: "inspection.kind", OversightKind.init(code:))
      if kind.isInspection { inspections += count } else { supervisions += count }
    }
    var complaints = 0
    var denunciations = 0
    for (code, count) in complaintsByKind {
      let kind: Complaint.Kind = try StoredValue.decode(code, column: "complaint.kind")
      if kind == .denunciation { denunciations += count } else { complaints += count }
    }
    self.init(
      inspections: inspections, supervisions: supervisions, complaints: complaints, denunciations: denunciations,
      oldest: oldest)
  }
}

extension PendingOversightCases.Case {
  /// One line of the oldest open cases: an inspection (its kind a code of `OversightKind`) or a complaint (`isMember`
  /// and the member's name say who it is about).
  public static func stored(
    kind: String, title: String, unitCode: String, unitName: String, since: Day, isMember: Bool?, memberName: String?
  ) throws -> Self {
    if let oversight = OversightKind(code: kind) {
      return .init(
        kind: oversight.isInspection ? "inspection" : "supervision", kindVi: oversight.nameVi, title: title,
        unitCode: unitCode, unitName: unitName, since: since)
    }
    let complaint: Complaint.Kind = try StoredValue.decode(kind, column: "complaint.kind")
    // A complaint's summary is often left blank: who it is about still says what the case is. A unit complained
    // about is the unit it is counted in, named beside the line.
    let subject =
      (isMember ?? false) ? ["đảng viên", memberName].compactMap { $0 }.joined(separator: " ") : "tổ chức đảng"
    return .init(
      kind: complaint.rawValue, kindVi: complaint.nameVi, title: title, subject: subject, unitCode: unitCode,
      unitName: unitName, since: since)
  }
}
