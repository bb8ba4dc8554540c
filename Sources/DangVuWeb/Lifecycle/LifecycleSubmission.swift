import DangVuCore
import DangVuStore
import Foundation

/// Recording a lifecycle act, the same for the pages and the API: the typed fields are checked (each message
/// for its field), then the store checks the whole history and writes with the audit entry in one
/// transaction. Nothing is written when anything is refused.
enum LifecycleSubmission {
  enum Outcome: Sendable {
    case saved(VersionedMember)
    case letter(TransferLetter)
    /// Nothing written; the typed fields go back with these messages beside them.
    case invalid(FieldProblems)
    /// Nothing written: the member changed since the form was opened; this is the stored record now.
    case stale(VersionedMember)
  }

  /// Records `act` for the member `id` (already checked to be inside the subtree by the caller).
  static func record(
    _ act: LifecycleAct, _ fields: LifecycleFields, memberID id: Int64, version: Int?, access: Access,
    in store: any LifecycleRecording
  ) async throws -> Outcome {
    var errors = FieldProblems()
    let day = fields.day(act.dateLabel, today: access.today, errors: &errors)
    let note = fields.checkedNote(errors: &errors)
    let cell = act.needsCell ? try await cell(for: act, fields, access: access, errors: &errors) : nil
    var number = ""
    if act == .transferSent {
      number = LifecycleFields.text(fields.number) ?? ""
      if let problem = TextRules.problem(in: number, .letterNumber) { errors["number"] = problem.message }
    }
    guard errors.isEmpty, let day else { return .invalid(errors) }
    let actor = AuditActor(access.principal)
    return try await writing {
      if act == .transferSent, let cell {
        return .letter(
          try await store.issueTransferLetter(
            NewTransferLetter(memberID: id, toCellID: cell.id, issued: day, number: number, note: note),
            expectedVersion: version, by: actor))
      }
      return .saved(
        try await store.recordEvent(
          MembershipEvent(memberID: id, kind: act.kind, date: day, cellID: cell?.id, note: note),
          expectedVersion: version, by: actor))
    }
  }

  /// Replaces or removes the event `eventID` of the member `id`, with the reason typed.
  static func correct(
    memberID id: Int64, eventID: Int64, _ fields: LifecycleFields, version: Int?, access: Access,
    in store: any LifecycleRecording
  ) async throws -> Outcome {
    var errors = FieldProblems()
    let reason = LifecycleFields.text(fields.reason) ?? ""
    if reason.isEmpty {
      errors["reason"] = "Hãy ghi lý do sửa: sự kiện cũ được giữ lại trong lịch sử sửa đổi cùng lý do này."
    } else if let problem = TextRules.problem(in: reason, .note) {
      errors["reason"] = problem.message
    }
    var replacement: MembershipEvent?
    switch fields.action ?? "replace" {
    case "remove": break
    case "replace":
      let kind = fields.kind.flatMap(MembershipEventKind.init(rawValue:))
      if kind == nil { errors["kind"] = "Hãy chọn loại sự kiện." }
      let day = fields.day("Ngày của sự kiện", today: access.today, errors: &errors)
      let note = fields.checkedNote(errors: &errors)
      var cellID: Int64?
      if let kind, kind.needsCell {
        cellID = try await anyCell(fields.cell, errors: &errors, store: access.store)?.id
      }
      if let kind, let day, errors.isEmpty {
        replacement = MembershipEvent(memberID: id, kind: kind, date: day, cellID: cellID, note: note)
      }
    default:
      errors["action"] = "Hãy chọn sửa sự kiện hoặc xóa sự kiện."
    }
    guard errors.isEmpty else { return .invalid(errors) }
    return try await writing {
      .saved(
        try await store.correctEvent(
          memberID: id, eventID: eventID, replacement: replacement, reason: reason, expectedVersion: version,
          by: AuditActor(access.principal)))
    }
  }

  /// The receiving cell's step (the letter already checked to be addressed inside the subtree).
  static func receive(letterID: Int64, _ fields: LifecycleFields, access: Access, in store: any LifecycleRecording)
    async throws -> Outcome
  {
    var errors = FieldProblems()
    guard let day = fields.day("Ngày tiếp nhận", today: access.today, errors: &errors) else { return .invalid(errors) }
    return try await writing {
      .letter(try await store.receiveTransferLetter(id: letterID, on: day, by: AuditActor(access.principal)))
    }
  }

  /// Runs a store write: the entry it appended in its transaction stands for the request's, and a refusal
  /// goes back beside its field.
  private static func writing(_ write: () async throws -> Outcome) async throws -> Outcome {
    do {
      let outcome = try await write()
      AuditRecorder.recordedByStore()
      return outcome
    } catch let stale as StaleVersion<VersionedMember> {
      return .stale(stale.current)
    } catch let error as DomainError {
      return .invalid(LifecycleFields.problems(forRefusal: error))
    }
  }

  /// The cell an act names: a destination anywhere in the province for a transfer (the sending cell does not
  /// see the receiving one's subtree), a cell inside the subtree for a member coming back into it.
  private static func cell(
    for act: LifecycleAct, _ fields: LifecycleFields, access: Access, errors: inout FieldProblems
  ) async throws -> Organisation? {
    guard act == .transferredIn else { return try await anyCell(fields.cell, errors: &errors, store: access.store) }
    guard let code = LifecycleFields.text(fields.cell) else {
      errors["cell"] = "Hãy nhập mã chi bộ."
      return nil
    }
    do {
      return try await access.unit(code: code, on: access.today)
    } catch let error as AccessError where error.isNotFound {
      errors["cell"] = "Không tìm thấy chi bộ mã “\(code)” trong phạm vi của bạn."
      return nil
    }
  }

  private static func anyCell(_ typed: String?, errors: inout FieldProblems, store: any AccessStore) async throws
    -> Organisation?
  {
    guard let code = LifecycleFields.text(typed) else {
      errors["cell"] = "Hãy nhập mã chi bộ."
      return nil
    }
    guard let unit = try await store.organisation(code: code) else {
      errors["cell"] = "Không có tổ chức đảng nào mang mã “\(code)”: hãy kiểm tra lại mã ở trang cây tổ chức."
      return nil
    }
    return unit
  }
}
