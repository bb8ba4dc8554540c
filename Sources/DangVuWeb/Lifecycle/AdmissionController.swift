import DangVuCore
import DangVuStore
import Hummingbird

/// Admission from a cell's page (`GET|POST /to-chuc/{code}/ket-nap`): the new member's identity, the
/// admission date and decision, and two sponsors picked among the cell's official members. The member starts
/// a 12-month probation; the admission and its audit entry are one transaction.
struct AdmissionController {
  let store: any LifecycleRecording & AccessStore
  let sponsors = GenerationCache<[Member]>()

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("to-chuc/:code/ket-nap", use: form)
    router.post("to-chuc/:code/ket-nap", use: admit)
    router.get("to-chuc/:code/tiep-nhan-ngoai-tinh", use: arrivalForm)
    router.post("to-chuc/:code/tiep-nhan-ngoai-tinh", use: arrive)
  }

  @Sendable func arrivalForm(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.recordLifecycle, context, store: store)
    let cell = try await Self.cell(context, access)
    var fields = MemberFields.new(inCell: cell.code)
    fields.admissionDate = context.today.vietnamese
    let model = MemberFormModel(
      mode: .arrive(cellCode: cell.code, cellName: cell.name), fields: fields,
      nationalIDEditable: access.principal.allows(.seeNationalID), csrf: CSRF.field(context))
    return HTMLPage(html: MemberFormView.render(model))
  }

  @Sendable func arrive(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordLifecycle, context, store: store)
    let cell = try await Self.cell(context, access)
    let fields = try await SubmittedForm(request).decode(MemberFields.self)
    switch try await ArrivalSubmission.create(fields, into: cell, access: access, in: store) {
    case .saved(let member):
      return .redirect(to: Links.member(member.member.id), type: .normal)
    case .invalid(let errors):
      let model = MemberFormModel(
        mode: .arrive(cellCode: cell.code, cellName: cell.name), fields: fields, errors: errors,
        nationalIDEditable: access.principal.allows(.seeNationalID), csrf: CSRF.field(context))
      return try HTMLPage(status: .unprocessableContent, html: MemberFormView.render(model))
        .response(from: request, context: context)
    case .stale:
      throw PageError(status: .internalServerError, title: "Lỗi máy chủ", message: "Không lưu được đảng viên mới.")
    }
  }

  @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.recordLifecycle, context, store: store)
    let cell = try await Self.cell(context, access)
    var fields = MemberFields.new(inCell: cell.code)
    fields.admissionDate = context.today.vietnamese
    let model = MemberFormModel(
      mode: .admit(cellCode: cell.code, cellName: cell.name), fields: fields,
      nationalIDEditable: access.principal.allows(.seeNationalID), csrf: CSRF.field(context),
      sponsorCandidates: try await Self.candidates(cell, on: context.today, store: store, kept: sponsors))
    return HTMLPage(html: MemberFormView.render(model))
  }

  @Sendable func admit(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordLifecycle, context, store: store)
    let cell = try await Self.cell(context, access)
    let fields = try await SubmittedForm(request).decode(MemberFields.self)
    switch try await MemberSubmission.create(fields, access: access, store: store, admittingInto: cell) {
    case .saved(let member):
      return .redirect(to: Links.member(member.member.id), type: .normal)
    case .invalid(let errors):
      let model = MemberFormModel(
        mode: .admit(cellCode: cell.code, cellName: cell.name), fields: fields, errors: errors,
        nationalIDEditable: access.principal.allows(.seeNationalID), csrf: CSRF.field(context),
        sponsorCandidates: try await Self.candidates(cell, on: context.today, store: store, kept: sponsors))
      return try HTMLPage(status: .unprocessableContent, html: MemberFormView.render(model))
        .response(from: request, context: context)
    case .stale:
      throw PageError(status: .internalServerError, title: "Lỗi máy chủ", message: "Không lưu được đảng viên mới.")
    }
  }

  /// The cell in the path: inside the subtree (else 404), a unit that holds members and exists today.
  static func cell(_ context: AppRequestContext, _ access: Access) async throws -> Organisation {
    let code = context.parameters.get("code") ?? ""
    let cell = try await access.unit(code: code, on: context.today)
    guard try await access.store.unitKinds().holdsMembers(cell.kind), cell.exists(on: context.today) else {
      throw PageError(
        status: .badRequest, title: "Không phải chi bộ",
        message: "\(cell.name) không phải chi bộ đang hoạt động: đảng viên được kết nạp vào một chi bộ.",
        code: "admission.notACell")
    }
    return cell
  }

  /// The cell's official members today, the people who may sponsor (Điều lệ Đảng, Điều 4); `kept` holds them while
  /// the store is unchanged: reading a cell's register costs about 1.5 ms of a request's 1.8 (docs/performance.md).
  static func officialMembers(
    of cell: Organisation, on today: Day, store: any RegisterStore, kept: GenerationCache<[Member]>
  )
    async throws -> [Member]
  {
    return try await kept.value(key: "\(cell.code)|\(today.iso)", of: store) {
      try await store.register(of: cell.code, on: today).filter { $0.standing == .official }.map(\.member)
    }
  }

  static func candidates(
    _ cell: Organisation, on today: Day, store: any RegisterStore, kept: GenerationCache<[Member]>
  ) async throws
    -> [MemberFormModel.SponsorCandidate]
  {
    try await officialMembers(of: cell, on: today, store: store, kept: kept).map { member in
      MemberFormModel.SponsorCandidate(
        key: member.partyCardNumber ?? "#\(member.id)",
        label: "\(member.fullName), sinh \(member.birthDate.year)"
          + (member.partyCardNumber.map { ", thẻ \($0)" } ?? ""))
    }
  }
}
