import DangVuCore
import DangVuStore

/// A change to the tree, previewed or confirmed: the same for the pages and the API. The typed fields are checked
/// (each message for its field), every unit named must lie in the principal's subtree, and the store checks the
/// change against the tree of its day; a preview writes nothing, a confirmed change is written with its audit
/// entry in one transaction.
enum TreeChangeSubmission {
  enum Outcome: Sendable {
    case preview(TreeChangePreview)
    case done(TreeChangePreview)
    case invalid(FieldProblems)
  }

  static func submit(
    _ act: TreeChangeAct, unit: Organisation, _ fields: TreeChangeFields, confirm: Bool, access: Access,
    in store: any TreeEditing, today: Day
  ) async throws -> Outcome {
    var errors = FieldProblems()
    let day = errors.day(fields.date ?? "", "date", act.dateLabel.lowercased())
    let change: TreeChange?
    switch act {
    case .found:
      let code = errors.required(fields.code ?? "", "code", "mã tổ chức mới")
      let name = errors.required(fields.name ?? "", "name", "tên tổ chức mới")
      let kind = errors.required(fields.kind ?? "", "kind", "loại tổ chức")
      change = zip4(code, name, kind, day).map {
        .found(code: $0, name: $1, kind: UnitKind($2), parentCode: unit.code, on: $3)
      }
    case .rename:
      let name = errors.required(fields.name ?? "", "name", "tên mới")
      change = zip2(name, day).map { .rename(code: unit.code, name: $0, on: $1) }
    case .move:
      let parent = try await other(fields.parent, "parent", "mã tổ chức cấp trên mới", access, today, &errors)
      change = zip2(parent, day).map { .move(code: unit.code, parentCode: $0.code, on: $1) }
    case .merge:
      let target = try await other(fields.into, "into", "mã tổ chức được sáp nhập vào", access, today, &errors)
      change = zip2(target, day).map { .merge(code: unit.code, intoCode: $0.code, on: $1) }
    case .dissolve:
      change = day.map { .dissolve(code: unit.code, on: $0) }
    }
    guard errors.isEmpty, let change else { return .invalid(errors) }
    do {
      if !confirm {
        let preview = try await store.previewTreeChange(change)
        // A preview writes nothing, so there is nothing for the audit trail's safety net to record.
        AuditRecorder.noEntryNeeded()
        return .preview(preview)
      }
      let done = try await store.changeTree(change, by: AuditActor(access.principal))
      AuditRecorder.recordedByStore()
      return .done(done)
    } catch let error as DomainError {
      return .invalid(problems(error, act))
    } catch let error as BatchItemError {
      return .invalid(problems(error.error, act))
    }
  }

  /// The store's refusal beside the field it is about.
  static func problems(_ error: DomainError, _ act: TreeChangeAct) -> FieldProblems {
    var problems = FieldProblems()
    if let field = act.field(forRefusal: error.code) {
      problems[field] = error.message
    } else {
      problems.general = error.message
    }
    return problems
  }

  /// A unit typed into `field`: required, and inside the subtree (else it reads as if it did not exist).
  private static func other(
    _ typed: String?, _ field: String, _ label: String, _ access: Access, _ today: Day, _ errors: inout FieldProblems
  ) async throws -> Organisation? {
    guard let code = LifecycleFields.text(typed) else {
      errors[field] = "Hãy nhập \(label)."
      return nil
    }
    do {
      return try await access.unit(code: code, on: today)
    } catch is AccessError {
      errors[field] = "Không có tổ chức mã “\(code)” trong phạm vi của bạn."
      return nil
    }
  }

  private static func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
  }

  private static func zip4<A, B, C, D>(_ a: A?, _ b: B?, _ c: C?, _ d: D?) -> (A, B, C, D)? {
    guard let a, let b, let c, let d else { return nil }
    return (a, b, c, d)
  }
}

extension Access {
  /// The tree is changed at the province level only (issue 21 part 8): the role must allow `editTree` and the
  /// account's scope must be a root today. Anyone else gets 403, whatever unit they aim at.
  static func requireTreeEditing(_ context: AppRequestContext, store: any AccessStore) async throws -> Access {
    let access = try require(.editTree, context, store: store)
    guard try await access.scopeIsARoot() else { throw AccessError.forbidden }
    return access
  }

  /// Whether the account's scope is at the top of the tree today.
  func scopeIsARoot() async throws -> Bool {
    try await store.parentHistory(ofCode: scopeCode).contains { $0.holds(on: today) && $0.parent == nil }
  }
}
