import DangVuCore
import DangVuStore
import Foundation

/// Recording a post, a collective or a seat, the same for the pages and the API: the typed fields are checked
/// (each message for its field), the member and the unit must be inside the subtree, then the store checks the
/// rules and writes with the audit entry in one transaction. Nothing is written when anything is refused.
enum LeadershipSubmission {
  enum Outcome: Sendable {
    case post(PostRecord)
    case collective(CollectiveRecord)
    /// Nothing written; the typed fields go back with these messages beside them.
    case invalid(FieldProblems)
  }

  /// A post for a member: on the member's page the member is known and the unit typed; on a unit's page the
  /// unit is known and the member typed.
  static func recordPost(
    _ fields: LeadershipFields, memberID: Int64?, unit: Organisation?, access: Access, in store: any LeadershipRecording
  ) async throws -> Outcome {
    var errors = FieldProblems()
    let kind = LeadershipFields.text(fields.kind)
    if kind == nil { errors["kind"] = "Hãy chọn chức vụ." }
    let from = fields.fromDay("Ngày bắt đầu giữ chức vụ", errors: &errors)
    let until = fields.untilDay(errors: &errors)
    let note = fields.checkedNote(errors: &errors)
    var unitCode = unit?.code
    if unit == nil {
      unitCode = try await unitInside(fields.unit, on: from ?? access.today, access: access, errors: &errors)?.code
    }
    var member = memberID
    if member == nil { member = try await memberInside(fields.member, access: access, errors: &errors) }
    guard errors.isEmpty, let kind, let from, let until, let unitCode, let member else { return .invalid(errors) }
    return try await writing {
      .post(
        try await store.recordPost(
          NewPost(memberID: member, kindCode: kind, unitCode: unitCode, from: from, until: until, note: note),
          by: AuditActor(access.principal)))
    }
  }

  static func endPost(_ post: PostRecord, _ fields: LeadershipFields, access: Access, in store: any LeadershipRecording)
    async throws -> Outcome
  {
    var errors = FieldProblems()
    let until = fields.untilDay(errors: &errors)
    guard errors.isEmpty, let until else { return .invalid(errors) }
    if until == nil {
      errors["until"] = "Hãy nhập ngày thôi giữ chức vụ (ngày đầu tiên không còn giữ)."
      return .invalid(errors)
    }
    let outcome = try await writing {
      .post(try await store.endPost(id: post.post.id, until: until, by: AuditActor(access.principal)))
    }
    // The form has one field: a refusal about anything else is shown above it rather than lost.
    if case .invalid(var problems) = outcome {
      let others = problems.fields.filter { $0.key != "until" }
      if !others.isEmpty {
        problems.general = others.values.sorted().joined(separator: " ")
        problems.fields = problems.fields.filter { $0.key == "until" }
      }
      return .invalid(problems)
    }
    return outcome
  }

  static func recordCollective(
    _ fields: LeadershipFields, unit: Organisation, access: Access, in store: any LeadershipRecording
  ) async throws
    -> Outcome
  {
    var errors = FieldProblems()
    let name = LeadershipFields.text(fields.name)
    if name == nil { errors["name"] = "Hãy nhập tên tập thể lãnh đạo (ví dụ: Ban Thường vụ Huyện ủy)." }
    let kind = LeadershipFields.text(fields.kind)
    if kind == nil { errors["kind"] = "Hãy chọn loại tập thể." }
    let from = fields.fromDay("Ngày bắt đầu nhiệm kỳ", errors: &errors)
    let until = fields.untilDay(errors: &errors)
    guard errors.isEmpty, let name, let kind, let from, let until else { return .invalid(errors) }
    return try await writing {
      .collective(
        try await store.recordCollective(
          NewCollective(unitCode: unit.code, name: name, kindCode: kind, formed: from, ended: until),
          by: AuditActor(access.principal)))
    }
  }

  static func seat(
    _ fields: LeadershipFields, in collective: CollectiveRecord, access: Access, in store: any LeadershipRecording
  ) async throws
    -> Outcome
  {
    var errors = FieldProblems()
    let from = fields.fromDay("Ngày bắt đầu tham gia", errors: &errors)
    let until = fields.untilDay(errors: &errors)
    let member = try await memberInside(fields.member, access: access, errors: &errors)
    guard errors.isEmpty, let from, let until, let member else { return .invalid(errors) }
    return try await writing {
      .collective(
        try await store.seatInCollective(
          NewCollectiveSeat(collectiveID: collective.collective.id, memberID: member, from: from, until: until),
          by: AuditActor(access.principal)))
    }
  }

  /// The store appended the entry in its transaction; a refusal goes back beside its field.
  private static func writing(_ write: () async throws -> Outcome) async throws -> Outcome {
    do {
      let outcome = try await write()
      AuditRecorder.recordedByStore()
      return outcome
    } catch let error as DomainError {
      return .invalid(LeadershipFields.problems(forRefusal: error))
    }
  }

  /// A unit typed by code, inside the subtree; one outside reads as one that does not exist.
  private static func unitInside(_ typed: String?, on day: Day, access: Access, errors: inout FieldProblems)
    async throws -> Organisation?
  {
    guard let code = LeadershipFields.text(typed) else {
      errors["unit"] = "Hãy nhập mã tổ chức đảng nơi giữ chức vụ."
      return nil
    }
    do {
      return try await access.unit(code: code, on: day)
    } catch let error as AccessError where error.isNotFound {
      errors["unit"] = "Không tìm thấy tổ chức đảng mã “\(code)” trong phạm vi của bạn."
      return nil
    }
  }

  /// A member typed by party card number, or "#id" for one without a card, whom the person may see.
  private static func memberInside(_ typed: String?, access: Access, errors: inout FieldProblems) async throws
    -> Int64?
  {
    guard let key = LeadershipFields.text(typed) else {
      errors["member"] = "Hãy nhập số thẻ đảng viên (hoặc #mã số với đảng viên chưa có thẻ)."
      return nil
    }
    let byNumber = key.hasPrefix("#") ? Int64(key.dropFirst()) : nil
    let found =
      if let byNumber { try await access.store.member(id: byNumber) } else {
        try await access.store.member(cardNumber: key)
      }
    guard let found, (try? await access.member(id: found.id)) != nil else {
      errors["member"] = "Không tìm thấy đảng viên “\(key)” trong phạm vi của bạn."
      return nil
    }
    return found.id
  }
}
