import DangVuCore
import DangVuStore
import Foundation
import Hummingbird

/// The member lifecycle in the JSON API (`openapi.yaml`, "member lifecycle"): every act of the pages, with
/// the same checks, the same messages per field and the same audit entries.
struct LifecycleAPIController {
  let store: any LifecycleRecording & AccessStore
  let letters = TransferLetterAnswers()
  let sponsors = GenerationCache<[Member]>()

  func addRoutes(to router: Router<AppRequestContext>) {
    router.post("api/members/:id/events", use: recordEvent)
    router.post("api/members/:id/events/:event/corrections", use: correct)
    router.get("api/members/:id/corrections", use: corrections)
    router.post("api/members/:id/transfer-letters", use: issueLetter)
    router.get("api/transfer-letters", use: letters)
    router.get("api/transfer-letters/:id", use: letter)
    router.post("api/transfer-letters/:id/receive", use: receive)
    router.post("api/units/:code/admissions", use: admit)
    router.post("api/units/:code/arrivals", use: arrive)
    router.get("api/units/:code/official-members", use: officialMembers)
  }

  @Sendable func recordEvent(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordLifecycle, context, store: store)
    let id = try await member(context, access)
    let body = try await SubmittedJSON(request)
    let fields = try body.decode(LifecycleFields.self)
    // A two-step transfer has its own address, because it issues a letter; admission starts at the cell.
    guard let kind = fields.kind.flatMap(MembershipEventKind.init(rawValue:)), let act = LifecycleAct(kind: kind),
      act != .transferSent
    else {
      return MemberAPIController.invalid(
        FieldProblems(fields: [
          "kind":
            "Loại sự kiện không ghi được ở đây. Các loại: "
            + LifecycleAct.allCases.filter { $0 != .transferSent }.map(\.kind.rawValue).joined(separator: ", ")
            + "; chuyển sinh hoạt hai bước: /api/members/{id}/transfer-letters."
        ]))
    }
    let outcome = try await LifecycleSubmission.record(
      act, fields, memberID: id, version: try body.decode(MemberAPIController.VersionField.self).version,
      access: access, in: store)
    return try await answer(outcome, memberID: id, access, created: true)
  }

  @Sendable func correct(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordLifecycle, context, store: store)
    let record = try await access.memberRecord(id: try MemberPagesController.memberID(context))
    let stored = try LifecyclePagesController.event(context, in: record)
    let body = try await SubmittedJSON(request)
    let outcome = try await LifecycleSubmission.correct(
      memberID: record.versioned.member.id, eventID: stored.id, try body.decode(LifecycleFields.self),
      version: try body.decode(MemberAPIController.VersionField.self).version, access: access, in: store)
    return try await answer(outcome, memberID: record.versioned.member.id, access, created: false)
  }

  struct CorrectionList: ResponseEncodable {
    var corrections: [MemberRecordJSON.Correction]
  }

  @Sendable func corrections(_ request: Request, context: AppRequestContext) async throws -> CorrectionList {
    let access = try Access.requireReadingMembers(context, store: store)
    let id = try MemberPagesController.memberID(context)
    return CorrectionList(corrections: try await record(id, access).corrections)
  }

  @Sendable func issueLetter(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordLifecycle, context, store: store)
    let id = try await member(context, access)
    let body = try await SubmittedJSON(request)
    let outcome = try await LifecycleSubmission.record(
      .transferSent, try body.decode(LifecycleFields.self), memberID: id,
      version: try body.decode(MemberAPIController.VersionField.self).version, access: access, in: store)
    guard case .letter(let letter) = outcome else {
      return try await answer(outcome, memberID: id, access, created: true)
    }
    var response = try MemberAPIController.json(.created, TransferLetterJSON(letter, today: context.today))
    response.headers[.location] = "/api/transfer-letters/\(letter.id)"
    return response
  }

  struct LetterList: ResponseEncodable {
    var letters: [TransferLetterJSON]
  }

  @Sendable func letters(_ request: Request, context: AppRequestContext) async throws -> LetterList {
    let access = try Access.require(.readRecords, context, store: store)
    let today = context.today
    let scope = try await access.reportScope(request.queryValue("org"), on: today)
    let direction: TransferDirection
    switch request.queryValue("direction") {
    case nil, "incoming": direction = .incoming
    case "outgoing": direction = .outgoing
    default:
      throw PageError(
        status: .badRequest, title: "Yêu cầu không hợp lệ",
        message: "direction chỉ nhận incoming (gửi đến) hoặc outgoing (chuyển đi).", code: "query.direction")
    }
    let pending = try await letters.pending(within: scope, direction: direction, on: today, store: store)
    return LetterList(letters: pending.map { TransferLetterJSON($0, today: today) })
  }

  @Sendable func letter(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.readRecords, context, store: store)
    let letter = try await access.letter(id: try Self.letterID(context), in: store)
    return try MemberAPIController.json(.ok, TransferLetterJSON(letter, today: context.today))
  }

  @Sendable func receive(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordLifecycle, context, store: store)
    let letter = try await access.incomingLetter(id: try Self.letterID(context), in: store)
    let fields = try await SubmittedJSON(request).decode(LifecycleFields.self)
    switch try await LifecycleSubmission.receive(letterID: letter.id, fields, access: access, in: store) {
    case .letter(let received):
      return try MemberAPIController.json(.ok, TransferLetterJSON(received, today: context.today))
    case .invalid(let errors):
      return MemberAPIController.invalid(errors)
    case .saved, .stale:
      throw PageError(status: .internalServerError, title: "Lỗi máy chủ", message: "Không tiếp nhận được.")
    }
  }

  @Sendable func admit(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordLifecycle, context, store: store)
    let cell = try await AdmissionController.cell(context, access)
    let fields = try await SubmittedJSON(request).decode(MemberFields.self)
    switch try await MemberSubmission.create(fields, access: access, store: store, admittingInto: cell) {
    case .saved(let member):
      var response = try MemberAPIController.json(.created, try await record(member.member.id, access))
      response.headers[.location] = "/api/members/\(member.member.id)"
      return response
    case .invalid(let errors):
      return MemberAPIController.invalid(errors)
    case .stale:
      throw PageError(status: .internalServerError, title: "Lỗi máy chủ", message: "Không lưu được đảng viên mới.")
    }
  }

  @Sendable func arrive(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordLifecycle, context, store: store)
    let cell = try await AdmissionController.cell(context, access)
    let fields = try await SubmittedJSON(request).decode(MemberFields.self)
    switch try await ArrivalSubmission.create(fields, into: cell, access: access, in: store) {
    case .saved(let member):
      var response = try MemberAPIController.json(.created, try await record(member.member.id, access))
      response.headers[.location] = "/api/members/\(member.member.id)"
      return response
    case .invalid(let errors):
      return MemberAPIController.invalid(errors)
    case .stale:
      throw PageError(status: .internalServerError, title: "Lỗi máy chủ", message: "Không lưu được đảng viên mới.")
    }
  }

  struct OfficialMember: Encodable, Sendable {
    var id: Int64
    var fullName: String
    var birthDate: Day
    var partyCardNumber: String?
  }

  struct OfficialMemberList: ResponseEncodable {
    var members: [OfficialMember]
  }

  /// The people who may sponsor an admission into the cell: its official members today, by name or card.
  @Sendable func officialMembers(_ request: Request, context: AppRequestContext) async throws -> OfficialMemberList {
    let access = try Access.require(.readRecords, context, store: store)
    let cell = try await AdmissionController.cell(context, access)
    let typed = SearchFolding.fold(request.queryValue("q") ?? "")
    let members = try await AdmissionController.officialMembers(
      of: cell, on: context.today, store: store, kept: sponsors
    ).filter {
      member in
      typed.isEmpty || SearchFolding.fold(member.fullName).contains(typed)
        || (member.partyCardNumber?.hasPrefix(typed) ?? false)
    }
    return OfficialMemberList(
      members: members.map {
        OfficialMember(id: $0.id, fullName: $0.fullName, birthDate: $0.birthDate, partyCardNumber: $0.partyCardNumber)
      })
  }

  /// The member in the path, inside the subtree (else 404 before the body is read).
  private func member(_ context: AppRequestContext, _ access: Access) async throws -> Int64 {
    try await access.memberRecord(id: try MemberPagesController.memberID(context)).versioned.member.id
  }

  private static func letterID(_ context: AppRequestContext) throws -> Int64 {
    guard let id = context.parameters.get("id", as: Int64.self) else { throw AccessError.notFound }
    return id
  }

  private func record(_ id: Int64, _ access: Access) async throws -> MemberRecordJSON {
    MemberRecordJSON(try await MemberPageModel.load(id: id, access: access))
  }

  /// Saved: the member's record (201 for a new event). Refused: 422 per field. Stale: 409 with the stored member.
  private func answer(
    _ outcome: LifecycleSubmission.Outcome, memberID id: Int64, _ access: Access, created: Bool
  ) async throws -> Response {
    switch outcome {
    case .saved, .letter:
      var response = try MemberAPIController.json(created ? .created : .ok, try await record(id, access))
      if created { response.headers[.location] = "/api/members/\(id)" }
      return response
    case .invalid(let errors):
      return MemberAPIController.invalid(errors)
    case .stale(var current):
      current.member.nationalID = access.shown(nationalID: current.member.nationalID)
      throw StaleEditError(
        message:
          "Hồ sơ đã thay đổi (nay là phiên bản \(current.version)); không có gì được ghi. "
          + "Hãy xem quá trình sinh hoạt mới, rồi gửi lại với version \(current.version).",
        current: current)
    }
  }
}
