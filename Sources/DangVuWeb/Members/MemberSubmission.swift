import DangVuCore
import DangVuStore
import Foundation

/// Adding and editing a member, the same for the pages and the API: the fields are checked (each message
/// for its field), then the store writes with the version the edit was made from.
enum MemberSubmission {
  enum Outcome: Sendable {
    case saved(VersionedMember)
    /// Nothing written; the typed fields go back with these messages beside them.
    case invalid(FieldProblems)
    /// Nothing written: the member changed since the form was opened; this is the stored record now.
    case stale(VersionedMember)
  }

  /// `admittingInto`: an admission from the cell's page (already checked inside the subtree), which needs the
  /// decision and both sponsors and writes its audit entry in the same transaction; nil for a record typed up
  /// from an old file, where the sponsors may be unknown.
  static func create(
    _ fields: MemberFields, access: Access, store: any LifecycleRecording & AccessStore,
    admittingInto admitting: Organisation? = nil
  ) async throws
    -> Outcome
  {
    var fields = fields
    if let admitting {
      fields.cell = admitting.code
      fields.officialDate = nil
    }
    let today = access.today
    var errors = FieldProblems()
    if admitting != nil {
      for (key, value) in [("sponsor1", fields.sponsor1), ("sponsor2", fields.sponsor2)]
      where value?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
        errors[key] = "Hãy chọn người giới thiệu: một đảng viên chính thức (tìm theo họ tên hoặc số thẻ)."
      }
      if fields.decisionNumber?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
        errors["decisionNumber"] = "Hãy nhập số quyết định kết nạp."
      }
    }
    let member = fields.identity(
      id: 0, stored: nil, nationalIDEditable: access.principal.allows(.seeNationalID), today: today, errors: &errors)
    // The age rule needs only the birth date, even when other identity fields are wrong.
    let born = member?.birthDate ?? fields.birthDate.flatMap { Day(parsing: $0) }
    let admission = fields.admission(birthDate: born, today: today, errors: &errors)
    var cell: Organisation?
    if let code = fields.cell?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
      do {
        cell = try await access.unit(code: code, on: today)
      } catch let error as AccessError where error.isNotFound {
        // Outside the subtree reads exactly as missing.
        errors["cell"] = "Không tìm thấy chi bộ mã “\(code)” trong phạm vi của bạn."
      }
    }
    try await checkUnique(fields, id: 0, stored: nil, access: access, errors: &errors)
    let sponsors = try await sponsorIDs(fields, admitted: admission?.admitted, access: access, errors: &errors)
    guard errors.isEmpty, let member, let admission, let cell else { return .invalid(errors) }
    var events = [
      MembershipEvent(memberID: 0, kind: .admitted, date: admission.admitted, cellID: cell.id, note: admission.decision)
    ]
    if let official = admission.official {
      events.append(MembershipEvent(memberID: 0, kind: .madeOfficial, date: official))
    }
    do {
      let decision = sponsors.map { AdmissionDecision(decisionNumber: admission.decision, sponsorIDs: $0) }
      let new = NewMember(member: member, events: events, admission: decision)
      if admitting != nil {
        let saved = try await store.admitMember(new, by: AuditActor(access.principal))
        AuditRecorder.recordedByStore()
        return .saved(saved)
      }
      let saved = try await store.createMember(new, by: AuditActor(access.principal))
      AuditRecorder.recordedByStore()
      return .saved(saved)
    } catch let error as DomainError {
      return .invalid(MemberFields.problems(forRefusal: error))
    }
  }

  static func update(
    id: Int64, _ fields: MemberFields, version: Int, access: Access, store: any LifecycleRecording & AccessStore
  ) async throws -> Outcome {
    // The subtree check first: a guessed id outside answers 404 before anything else is looked at.
    _ = try await access.member(id: id)
    guard let stored = try await store.memberWithVersion(id: id) else { throw AccessError.notFound }
    var errors = FieldProblems()
    let member = fields.identity(
      id: id, stored: stored.member, nationalIDEditable: access.principal.allows(.seeNationalID), today: access.today,
      errors: &errors)
    try await checkUnique(fields, id: id, stored: stored.member, access: access, errors: &errors)
    if let member {
      // A birth date that makes the recorded admission too young is refused beside the birth date.
      let timeline = try await store.timeline(ofMember: id)
      if let entered = timeline.events.first(where: { $0.kind.entersRegister }) {
        MemberFields.checkAge(born: member.birthDate, admitted: entered.date, errors: &errors)
      }
    }
    guard errors.isEmpty, let member else { return .invalid(errors) }
    do {
      let saved = try await store.updateMember(member, expectedVersion: version, by: AuditActor(access.principal))
      AuditRecorder.recordedByStore()
      return .saved(saved)
    } catch let stale as StaleVersion<VersionedMember> {
      return .stale(stale.current)
    } catch let error as DomainError {
      return .invalid(MemberFields.problems(forRefusal: error))
    }
  }

  /// The two sponsors by card number: both or neither (a record typed up from an old file may have none);
  /// each must be a member the person may see, official on the admission day (Điều lệ Đảng, Điều 4).
  private static func sponsorIDs(
    _ fields: MemberFields, admitted: Day?, access: Access, errors: inout FieldProblems
  ) async throws -> [Int64]? {
    var cards: [(key: String, card: String)] = []
    for (key, value) in [("sponsor1", fields.sponsor1), ("sponsor2", fields.sponsor2)] {
      if let card = value?.trimmingCharacters(in: .whitespaces), !card.isEmpty { cards.append((key, card)) }
    }
    if cards.isEmpty { return nil }
    if cards.count == 1 {
      errors[cards[0].key == "sponsor1" ? "sponsor2" : "sponsor1"] =
        "Cần đủ \(AdmissionRules.sponsorsRequired) người giới thiệu, hoặc để trống cả hai khi hồ sơ không ghi."
    }
    if fields.decisionNumber?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
      errors["decisionNumber"] = "Hãy nhập số quyết định kết nạp đi cùng người giới thiệu."
    }
    var ids: [Int64] = []
    for (key, card) in cards {
      // "#123" is the member numbered 123: what the admission form's picker sends for a member with no card.
      let byNumber = card.hasPrefix("#") ? Int64(card.dropFirst()) : nil
      let found =
        if let byNumber { try await access.store.member(id: byNumber) } else {
          try await access.store.member(cardNumber: card)
        }
      guard let sponsor = found,
        (try? await access.member(id: sponsor.id)) != nil
      else {
        errors[key] = "Không tìm thấy đảng viên có số thẻ \(card) trong phạm vi của bạn."
        continue
      }
      if ids.contains(sponsor.id) {
        errors[key] = "Hai người giới thiệu phải là hai đảng viên khác nhau."
        continue
      }
      if let admitted, try await access.store.timeline(ofMember: sponsor.id).span(on: admitted)?.standing != .official {
        errors[key] =
          "\(sponsor.fullName) không phải đảng viên chính thức vào ngày kết nạp \(admitted.vietnamese): "
          + "người giới thiệu phải là đảng viên chính thức."
        continue
      }
      ids.append(sponsor.id)
    }
    return ids.count == AdmissionRules.sponsorsRequired ? ids : nil
  }

  /// Card and national ID numbers are unique in the whole register; say so beside the field before the store
  /// refuses, whatever else is wrong with the form. Whose number it is is said only when that member is
  /// inside the person's subtree (MemberRules).
  static func checkUnique(
    _ fields: MemberFields, id: Int64, stored: Member?, access: Access, errors: inout FieldProblems
  ) async throws {
    func typed(_ value: String?) -> String? {
      guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
      return text
    }
    func visible(_ holder: Member) async -> Member? { (try? await access.member(id: holder.id)) != nil ? holder : nil }
    if errors["partyCardNumber"] == nil, let card = typed(fields.partyCardNumber), card != stored?.partyCardNumber,
      let holder = try await access.store.member(cardNumber: card), holder.id != id
    {
      errors["partyCardNumber"] = MemberRules.duplicateCard(card, holder: await visible(holder)).message
    }
    if errors["nationalID"] == nil, let nid = typed(fields.nationalID)?.replacingOccurrences(of: " ", with: ""),
      nid != stored?.nationalID, let holder = try await access.store.member(nationalID: nid), holder.id != id
    {
      errors["nationalID"] = MemberRules.duplicateNationalID(nid, holder: await visible(holder)).message
    }
  }
}
