import DangVuCore

/// What a lifecycle act decides before and around its SQL, the same on every engine (`LifecycleRecording`): the
/// refusals, the notes its events carry, and its audit entries (actions, subjects, before and after), so the two
/// engines refuse the same things with the same codes and write identical entries.
public enum LifecycleWrites {
  // MARK: Refusals

  public static var letterRequired: DomainError {
    DomainError(
      "transfer.letterRequired", "Chuyển sinh hoạt hai bước bắt đầu bằng giấy giới thiệu của chi bộ nơi đi.")
  }

  public static var unknownLetter: DomainError {
    DomainError("transfer.unknown", "Không tìm thấy giấy giới thiệu chuyển sinh hoạt này.")
  }

  public static func alreadyReceived(_ letter: TransferLetter, on received: Day) -> DomainError {
    DomainError(
      "transfer.alreadyReceived",
      "\(letter.memberName) đã được \(letter.toCell.name) tiếp nhận ngày \(received.vietnamese).")
  }

  public static var unknownEvent: DomainError {
    DomainError("correction.unknownEvent", "Không tìm thấy sự kiện này trong quá trình của đảng viên.")
  }

  /// The reason a correction carries, trimmed; refused when missing or not a note.
  public static func correctionReason(_ reason: String) throws -> String {
    let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
    if reason.isEmpty {
      throw DomainError("correction.reasonMissing", "Hãy ghi lý do sửa sự kiện: sự kiện cũ được giữ lại cùng lý do.")
    }
    try TextRules.check(reason, .note)
    return reason
  }

  /// An expulsion is the effect of a discipline decision: it changes with the decision (an appeal), not here.
  public static func checkCorrectable(_ old: MembershipEvent, replacement: MembershipEvent?) throws {
    if old.kind == .expelled || replacement?.kind == .expelled {
      throw DomainError(
        "correction.expulsion",
        "Khai trừ được ghi theo quyết định kỷ luật; hãy sửa ở quyết định kỷ luật hoặc giải quyết khiếu nại.")
    }
  }

  /// A record with no history left would be nobody's member: the register starts with an entry.
  public static func checkEntryRemains(_ events: [MembershipEvent]) throws {
    guard events.contains(where: \.kind.entersRegister) else {
      throw DomainError(
        "correction.noEntry",
        "Không thể xóa: quá trình sinh hoạt phải bắt đầu bằng kết nạp hoặc tiếp nhận từ ngoài tỉnh. "
          + "Hãy sửa ngày hoặc chi bộ của sự kiện đó thay vì xóa.")
    }
  }

  // MARK: Events

  /// The `transferSent` event a letter is issued with: its note names the letter's number.
  public static func sending(_ letter: NewTransferLetter) -> MembershipEvent {
    let note = [letter.number.isEmpty ? "" : "Giấy giới thiệu số \(letter.number)", letter.note]
      .filter { !$0.isEmpty }.joined(separator: "; ")
    return MembershipEvent(
      memberID: letter.memberID, kind: .transferSent, date: letter.issued, cellID: letter.toCellID, note: note)
  }

  /// The `transferReceived` event that completes a letter on `day`, in the cell it names.
  public static func receipt(of letter: TransferLetter, on day: Day) -> MembershipEvent {
    MembershipEvent(
      memberID: letter.memberID, kind: .transferReceived, date: day, cellID: letter.toCell.id,
      note: letter.number.isEmpty ? "" : "Giấy giới thiệu số \(letter.number)")
  }

  /// The sending whose letter a member's page shows: the latest, while the member is in transit.
  public static func pendingSending(_ timeline: MemberTimeline, recorded: [RecordedEvent]) -> Int64? {
    guard let last = timeline.spans.last, last.inTransit, last.until == nil else { return nil }
    return recorded.filter { $0.event.kind == .transferSent }
      .max { ($0.event.date, $0.id) < ($1.event.date, $1.id) }?.id
  }

  /// The units a member's page names: those of the history, its spans and its corrections.
  public static func unitIDs(_ timeline: MemberTimeline, corrections: [EventCorrection]) -> Set<Int64> {
    Set(
      timeline.events.compactMap(\.cellID) + timeline.spans.map(\.cellID)
        + corrections.flatMap { [$0.old.cellID, $0.new?.cellID].compactMap { $0 } })
  }

  // MARK: Audit entries

  /// An entry about member `id`, under the unit of the member's last span (`scope`, empty when none).
  public static func entry<Before: Encodable, After: Encodable>(
    _ actor: AuditActor, _ action: String, member id: Int64, scope: String?, before: Before?, after: After?
  ) throws -> NewAuditEntry {
    NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: action, subject: "member:\(id)",
      scopeCode: scope ?? "", before: try before.map { try NewAuditEntry.json($0) },
      after: try after.map { try NewAuditEntry.json($0) })
  }

  /// The entry of an admission, or of an arrival from another province (a history that starts with one).
  public static func admission(_ new: NewMember, saved: VersionedMember, by actor: AuditActor, scope: String?)
    throws -> NewAuditEntry
  {
    try entry(
      actor, new.events.first?.kind == .transferredIn ? "member.arrive" : "member.admit", member: saved.member.id,
      scope: scope, before: nil as [MembershipEvent]?,
      after: AdmittedRecord(
        member: saved.member, events: new.events, decisionNumber: new.admission?.decisionNumber,
        sponsorIDs: new.admission?.sponsorIDs))
  }

  /// The entry of a correction: the event as it was, what replaced it (nil: removed) and why.
  public static func correction(
    _ old: MembershipEvent, replacement: MembershipEvent?, reason: String, by actor: AuditActor, scope: String?
  ) throws -> NewAuditEntry {
    try entry(
      actor, "member.correct", member: old.memberID, scope: scope, before: old,
      after: CorrectionRecord(event: replacement, reason: reason))
  }
}

/// What the audit trail keeps of an admission.
private struct AdmittedRecord: Encodable {
  var member: Member
  var events: [MembershipEvent]
  var decisionNumber: String?
  var sponsorIDs: [Int64]?
}

/// What the audit trail keeps of a correction: the event that replaced the old one (nil: removed) and why.
private struct CorrectionRecord: Encodable {
  var event: MembershipEvent?
  var reason: String
}
