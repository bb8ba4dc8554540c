import DangVuCore
import DangVuStore
import Foundation

/// A correction of a complaint as typed on its page or sent to the API, kept as text.
struct ComplaintCorrectionFields: Codable, Sendable, Equatable {
  var kind: String = ""
  var summary: String = ""
  /// Empty while the complaint is not settled.
  var resolved: String = ""
  var finding: String = ""
  var reason: String = ""

  enum CodingKeys: String, CodingKey { case kind, summary, resolved, finding, reason }

  init() {}

  /// The fields prefilled from the complaint as it stands.
  init(_ c: Complaint) {
    kind = c.kind.rawValue
    summary = c.summary
    resolved = c.resolved?.vietnamese ?? ""
    finding = c.finding?.rawValue ?? ""
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    func text(_ key: CodingKeys) throws -> String { try c.decodeIfPresent(String.self, forKey: key) ?? "" }
    kind = try text(.kind)
    summary = try text(.summary)
    resolved = try text(.resolved)
    finding = try text(.finding)
    reason = try text(.reason)
  }
}

/// Correcting a complaint: the same for the page and the API. The complaint must lie in the subtree; each refusal
/// beside its field; the store writes the correction and its audit entry, which keeps the old complaint.
enum ComplaintCorrectionSubmission: RecordCorrection {
  /// The complaint `id`, if it is counted in a unit of the principal's subtree.
  static func find(id: Int64?, access: Access, in store: any OversightStore) async throws -> Complaint {
    guard let id, let found = try await store.complaint(id: id),
      try await access.store.unitIsWithin(id: found.unitID, rootCode: access.scopeCode, on: found.complaint.received)
    else { throw AccessError.notFound }
    return found.complaint
  }

  static func page(of saved: Complaint) -> String { Links.complaint(saved.id) }

  static func correct(
    _ fields: ComplaintCorrectionFields, of c: Complaint, access: Access, in store: any OversightStore
  ) async throws
    -> CorrectionOutcome<Complaint>
  {
    var problems = FieldProblems()
    let kind = Complaint.Kind(rawValue: fields.kind)
    if kind == nil { problems["kind"] = "Hãy chọn khiếu nại hoặc tố cáo." }
    var resolved: Day?
    if !fields.resolved.trimmingCharacters(in: .whitespaces).isEmpty {
      resolved = problems.day(fields.resolved, "resolved", "ngày giải quyết")
    }
    var finding: Complaint.Finding?
    if !fields.finding.isEmpty {
      finding = Complaint.Finding(rawValue: fields.finding) ?? Complaint.Finding(parsing: fields.finding)
      if finding == nil { problems["finding"] = "Hãy chọn kết luận: đúng, sai hoặc đúng một phần." }
    }
    let reason = problems.required(fields.reason, "reason", "lý do sửa")
    guard problems.isEmpty, let kind, let reason else { return .invalid(problems) }
    let correction = ComplaintCorrection(
      complaintID: c.id, kind: kind, summary: fields.summary, resolved: resolved, finding: finding, reason: reason)
    do {
      let saved = try await store.correctComplaint(correction, by: AuditActor(access.principal))
      AuditRecorder.recordedByStore()
      return .saved(saved)
    } catch let error as DomainError {
      let field: String =
        switch error.code {
        case "complaint.dates", "complaint.resolvedMissing": "resolved"
        case "complaint.findingMissing": "finding"
        case "text.tooLong", "text.forbiddenCharacter": "summary"
        default: "reason"
        }
      problems[field] = error.message
      return .invalid(problems)
    }
  }
}
