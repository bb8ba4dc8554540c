import DangVuCore
import DangVuStore
import Foundation

/// A correction of an inspection or supervision as typed on its page or sent to the API, kept as text so what was
/// typed goes back unchanged when something is refused. Subjects as on the form that records one: members by party
/// card number (or `#id` for one without a card), units by code, one per line or separated by commas. In JSON the
/// fields are flat, as a new inspection's.
struct InspectionCorrectionFields: Decodable, Sendable {
  /// The fields a new inspection has, but the body's unit, which is not corrected.
  var inspection = InspectionInput()
  /// Empty while the inspection runs.
  var concluded: String = ""
  var reason: String = ""

  enum CodingKeys: String, CodingKey { case concluded, reason }

  init() {}

  /// The fields prefilled from the inspection as it stands; `cards` gives the members' party card numbers.
  init(_ i: Inspection, cards: [Int64: String]) {
    inspection = InspectionInput(
      kind: i.kind.code, organ: i.body.organ.rawValue, bodyCode: i.body.unitCode, title: i.title,
      started: i.started.vietnamese,
      memberSubjects: i.subjects.compactMap { s -> String? in
        guard case .member(let id) = s.subject else { return nil }
        return cards[id] ?? "#\(id)"
      }.joined(separator: "\n"),
      unitSubjects: i.subjects.compactMap { s -> String? in
        guard case .unit(let code) = s.subject else { return nil }
        return code
      }.joined(separator: "\n"))
    concluded = i.concluded?.vietnamese ?? ""
  }

  init(from decoder: any Decoder) throws {
    inspection = try InspectionInput(from: decoder)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    concluded = try c.decodeIfPresent(String.self, forKey: .concluded) ?? ""
    reason = try c.decodeIfPresent(String.self, forKey: .reason) ?? ""
  }
}

/// Correcting an inspection: the same for the page and the API. The inspection must be one a body of the subtree
/// ran; the corrected one is checked as a new one is (`Access.inspection(from:)`: every subject inside the subtree),
/// each refusal beside its field; the store writes the correction, re-counts its lượt and appends the audit entry,
/// which keeps the old inspection, in one transaction.
enum InspectionCorrectionSubmission: RecordCorrection {
  /// The inspection `id`, if the body that ran it lies in the principal's subtree on the day it began.
  static func find(id: Int64?, access: Access, in store: any OversightStore) async throws -> Inspection {
    guard let id, let found = try await store.inspection(id: id) else { throw AccessError.notFound }
    do {
      _ = try await access.unit(code: found.body.unitCode, on: found.started)
    } catch let error as AccessError where error.isNotFound {
      throw AccessError.notFound
    }
    return found
  }

  static func page(of saved: Inspection) -> String { Links.inspection(saved.id) }

  static func correct(
    _ fields: InspectionCorrectionFields, of i: Inspection, access: Access, in store: any OversightStore
  ) async throws
    -> CorrectionOutcome<Inspection>
  {
    var problems = FieldProblems()
    var checked: Inspection?
    var typed = fields.inspection
    typed.bodyCode = i.body.unitCode
    do {
      checked = try await access.inspection(from: typed)
    } catch let refused as FieldProblems {
      problems = refused
    }
    var concluded: Day?
    if !fields.concluded.trimmingCharacters(in: .whitespaces).isEmpty {
      concluded = problems.day(fields.concluded, "concluded", "ngày kết luận")
    }
    let reason = problems.required(fields.reason, "reason", "lý do sửa")
    if let reason, let problem = TextRules.problem(in: reason, .note) { problems["reason"] = problem.message }
    guard problems.isEmpty, let checked, let reason else { return .invalid(problems) }
    let correction = InspectionCorrection(
      inspectionID: i.id, kind: checked.kind, organ: checked.body.organ, title: checked.title,
      started: checked.started, concluded: concluded, subjects: checked.subjects.map(\.subject), reason: reason)
    do {
      let saved = try await store.correctInspection(correction, by: AuditActor(access.principal))
      AuditRecorder.recordedByStore()
      return .saved(saved)
    } catch let error as DomainError {
      return .invalid(FieldProblems(refusal: error, field: field(of:)))
    }
  }

  /// The field a refusal is about.
  static func field(of code: String) -> String {
    switch code {
    case "inspection.dates": "concluded"
    case "inspection.titleMissing", "text.tooLong", "text.forbiddenCharacter": "title"
    case "inspection.noSubject", "inspection.repeatedSubject", "oversight.memberNotInRegister": "memberSubjects"
    case "oversight.unitNotExisting": "unitSubjects"
    default: "reason"
    }
  }
}
