import DangVuCore
import DangVuStore
import Foundation

/// A member admitted in another province, received into a cell: their record starts with `transferredIn`
/// (decision 0006), checked and audited as an admission is. The same for the page and the API.
enum ArrivalSubmission {
  static func create(_ fields: MemberFields, into cell: Organisation, access: Access, in store: any LifecycleRecording)
    async throws
    -> MemberSubmission.Outcome
  {
    let today = access.today
    var errors = FieldProblems()
    let member = fields.identity(
      id: 0, stored: nil, nationalIDEditable: access.principal.allows(.seeNationalID), today: today, errors: &errors)
    var dated = FieldProblems()
    let arrived = LifecycleFields(date: fields.admissionDate).day("Ngày tiếp nhận", today: today, errors: &dated)
    errors["admissionDate"] = dated["date"]
    let note = LifecycleFields.text(fields.decisionNumber) ?? ""
    if let problem = TextRules.problem(in: note, .note) { errors["decisionNumber"] = problem.message }
    if let member, let arrived, member.birthDate.wholeYears(until: arrived) < MemberTimeline.minimumAdmissionAge {
      errors["birthDate"] =
        "Với ngày sinh này, đến ngày tiếp nhận \(arrived.vietnamese) đảng viên chưa đủ "
        + "\(MemberTimeline.minimumAdmissionAge) tuổi."
    }
    try await MemberSubmission.checkUnique(fields, id: 0, stored: nil, access: access, errors: &errors)
    guard errors.isEmpty, let member, let arrived else { return .invalid(errors) }
    do {
      let saved = try await store.admitMember(
        NewMember(
          member: member,
          events: [MembershipEvent(memberID: 0, kind: .transferredIn, date: arrived, cellID: cell.id, note: note)]),
        by: AuditActor(access.principal))
      AuditRecorder.recordedByStore()
      return .saved(saved)
    } catch let error as DomainError {
      return .invalid(MemberFields.problems(forRefusal: error))
    }
  }
}
