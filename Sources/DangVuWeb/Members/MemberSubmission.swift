import DangVuCore
import DangVuStore
import Foundation

/// Adding and editing a member, the same for the pages and the API: the fields are checked (each message
/// for its field), then the store writes with the version the edit was made from.
enum MemberSubmission {
  enum Outcome: Sendable {
    case saved(VersionedMember)
    /// Nothing written; the typed fields go back with these messages beside them.
    case invalid(FieldErrors)
    /// Nothing written: the member changed since the form was opened; this is the stored record now.
    case stale(VersionedMember)
  }

  static func create(_ fields: MemberFields, access: Access, store: any PartyStore & RegisterEditing) async throws
    -> Outcome
  {
    let today = Day.today
    var errors = FieldErrors()
    let member = fields.identity(
      id: 0, stored: nil, nationalIDEditable: access.principal.allows(.seeNationalID), today: today, errors: &errors)
    // The age rule needs only the birth date, even when other identity fields are wrong.
    let born = member?.birthDate ?? fields.birthDate.flatMap { Day(parsing: $0) }
    let admission = fields.admission(birthDate: born, today: today, errors: &errors)
    var cell: Organisation?
    if let code = fields.cell?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
      do {
        cell = try await access.unit(code: code, on: today)
      } catch AccessError.notFound {
        // Outside the subtree reads exactly as missing.
        errors["cell"] = "Không tìm thấy chi bộ mã “\(code)” trong phạm vi của bạn."
      }
    }
    try await checkUnique(fields, id: 0, stored: nil, in: store, errors: &errors)
    guard errors.isEmpty, let member, let admission, let cell else { return .invalid(errors) }
    var events = [
      MembershipEvent(memberID: 0, kind: .admitted, date: admission.admitted, cellID: cell.id, note: admission.decision)
    ]
    if let official = admission.official {
      events.append(MembershipEvent(memberID: 0, kind: .madeOfficial, date: official))
    }
    do {
      return .saved(try await store.createMember(NewMember(member: member, events: events)))
    } catch let error as DomainError {
      return .invalid([MemberFields.errorKey(forRefusal: error.code): error.message])
    }
  }

  static func update(
    id: Int64, _ fields: MemberFields, version: Int, access: Access, store: any PartyStore & RegisterEditing
  ) async throws -> Outcome {
    // The subtree check first: a guessed id outside answers 404 before anything else is looked at.
    _ = try await access.member(id: id)
    guard let stored = try await store.memberWithVersion(id: id) else { throw AccessError.notFound }
    var errors = FieldErrors()
    let member = fields.identity(
      id: id, stored: stored.member, nationalIDEditable: access.principal.allows(.seeNationalID), today: Day.today,
      errors: &errors)
    try await checkUnique(fields, id: id, stored: stored.member, in: store, errors: &errors)
    if let member {
      // A birth date that makes the recorded admission too young is refused beside the birth date.
      let timeline = try await store.timeline(ofMember: id)
      if let entered = timeline.events.first(where: { $0.kind.entersRegister }) {
        MemberFields.checkAge(born: member.birthDate, admitted: entered.date, errors: &errors)
      }
    }
    guard errors.isEmpty, let member else { return .invalid(errors) }
    do {
      return .saved(try await store.updateMember(member, expectedVersion: version))
    } catch let stale as StaleVersion<VersionedMember> {
      return .stale(stale.current)
    } catch let error as DomainError {
      return .invalid([MemberFields.errorKey(forRefusal: error.code): error.message])
    }
  }

  /// Card and national ID numbers are unique in the whole register; say so beside the field before the
  /// store refuses (without saying whose number it is), whatever else is wrong with the form.
  private static func checkUnique(
    _ fields: MemberFields, id: Int64, stored: Member?, in store: any PartyStore, errors: inout FieldErrors
  ) async throws {
    func typed(_ value: String?) -> String? {
      guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
      return text
    }
    if errors["partyCardNumber"] == nil, let card = typed(fields.partyCardNumber), card != stored?.partyCardNumber,
      let holder = try await store.member(cardNumber: card), holder.id != id
    {
      errors["partyCardNumber"] = "Số thẻ đảng viên \(card) đã có trong danh sách đảng viên: hãy kiểm tra lại."
    }
    if errors["nationalID"] == nil, let nid = typed(fields.nationalID)?.replacingOccurrences(of: " ", with: ""),
      nid != stored?.nationalID, !(try await store.existingNationalIDs([nid]).isEmpty)
    {
      errors["nationalID"] = "Số căn cước \(nid) đã có trong danh sách đảng viên: hãy kiểm tra lại."
    }
  }
}
