import DangVuCore
import DangVuStore
import Foundation

/// A discipline decision as typed in the form or sent to the API: text fields, checked here so each
/// problem is reported beside its field and the typed values come back unchanged.
struct DisciplineInput: Codable, Sendable {
  /// "member" (by party card number) or "unit" (by code).
  var subjectKind: String = "member"
  var subject: String = ""
  var form: String = ""
  var categories: [String]? = nil
  var organ: String = ConductingBody.Organ.inspectionCommission.rawValue
  var bodyCode: String = ""
  var number: String = ""
  var decided: String = ""
  var violated: String = ""
  var selfCorrected: String? = nil
  var note: String = ""
}

/// An inspection or supervision as typed or sent: its subjects are members by party card number and units
/// by code, one per line (or a list in JSON).
struct InspectionInput: Codable, Sendable {
  var kind: String = OversightKind.inspection(.regular).code
  var organ: String = ConductingBody.Organ.inspectionCommission.rawValue
  var bodyCode: String = ""
  var title: String = ""
  var started: String = ""
  var memberSubjects: String = ""
  var unitSubjects: String = ""
}

/// A complaint or denunciation as typed or sent.
struct ComplaintInput: Codable, Sendable {
  var kind: String = Complaint.Kind.complaint.rawValue
  var subjectKind: String = "member"
  var subject: String = ""
  var received: String = ""
  var summary: String = ""
}

// A field left out of a JSON body keeps its default, as an empty one on the form: a required one missing is refused
// beside its field (422) like an empty one, never as an unreadable body.
extension DisciplineInput {
  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    subjectKind = try c.decodeIfPresent(String.self, forKey: .subjectKind) ?? subjectKind
    subject = try c.decodeIfPresent(String.self, forKey: .subject) ?? ""
    form = try c.decodeIfPresent(String.self, forKey: .form) ?? ""
    categories = try c.decodeIfPresent([String].self, forKey: .categories)
    organ = try c.decodeIfPresent(String.self, forKey: .organ) ?? organ
    bodyCode = try c.decodeIfPresent(String.self, forKey: .bodyCode) ?? ""
    number = try c.decodeIfPresent(String.self, forKey: .number) ?? ""
    decided = try c.decodeIfPresent(String.self, forKey: .decided) ?? ""
    violated = try c.decodeIfPresent(String.self, forKey: .violated) ?? ""
    selfCorrected = try c.decodeIfPresent(String.self, forKey: .selfCorrected)
    note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
  }
}

extension InspectionInput {
  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    kind = try c.decodeIfPresent(String.self, forKey: .kind) ?? kind
    organ = try c.decodeIfPresent(String.self, forKey: .organ) ?? organ
    bodyCode = try c.decodeIfPresent(String.self, forKey: .bodyCode) ?? ""
    title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
    started = try c.decodeIfPresent(String.self, forKey: .started) ?? ""
    memberSubjects = try c.decodeIfPresent(String.self, forKey: .memberSubjects) ?? ""
    unitSubjects = try c.decodeIfPresent(String.self, forKey: .unitSubjects) ?? ""
  }
}

extension ComplaintInput {
  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    kind = try c.decodeIfPresent(String.self, forKey: .kind) ?? kind
    subjectKind = try c.decodeIfPresent(String.self, forKey: .subjectKind) ?? subjectKind
    subject = try c.decodeIfPresent(String.self, forKey: .subject) ?? ""
    received = try c.decodeIfPresent(String.self, forKey: .received) ?? ""
    summary = try c.decodeIfPresent(String.self, forKey: .summary) ?? ""
  }
}

/// How a complaint was settled.
struct ResolutionInput: Codable, Sendable {
  var resolved: String = ""
  var finding: String = ""
}

extension Access {
  /// The subject named in a form: a member by party card number, or a unit by code, inside the scope
  /// on `day`. Outside reads as not found, like everywhere else.
  func oversightSubject(kind: String, key: String, on day: Day, problems: inout FieldProblems) async throws
    -> OversightSubject?
  {
    let key = key.trimmingCharacters(in: .whitespaces)
    guard !key.isEmpty else {
      problems.fields["subject"] = kind == "unit" ? "Hãy nhập mã tổ chức đảng." : "Hãy nhập số thẻ đảng viên."
      return nil
    }
    do {
      if kind == "unit" {
        return .unit(code: try await unit(code: key, on: day).code)
      }
      // `#id`: a member without a party card yet, as an inspection's correction form lists them.
      if key.hasPrefix("#"), let id = Int64(key.dropFirst()) { return .member(try await member(id: id).id) }
      guard let found = try await store.member(cardNumber: key) else { throw AccessError.notFound }
      return .member(try await member(id: found.id).id)
    } catch let error as AccessError where error.isNotFound {
      problems.fields["subject"] =
        kind == "unit"
        ? "Không có tổ chức đảng mang mã “\(key)” trong phạm vi của bạn."
        : "Không có đảng viên mang số thẻ “\(key)” trong phạm vi của bạn."
    }
    return nil
  }

  /// Checks a discipline input and turns it into a decision, or reports every problem found.
  func decision(from input: DisciplineInput) async throws -> DisciplineDecision {
    var problems = FieldProblems()
    let decided = problems.day(input.decided, "decided", "ngày quyết định")
    let violated = problems.day(input.violated, "violated", "ngày vi phạm")
    let number = problems.required(input.number, "number", "số quyết định")
    let form = DisciplineForm(rawValue: input.form) ?? DisciplineForm(parsing: input.form)
    if form == nil { problems.fields["form"] = "Hãy chọn hình thức kỷ luật." }
    let categories = (input.categories ?? []).filter { !$0.isEmpty }
    if categories.isEmpty { problems.fields["categories"] = "Hãy chọn ít nhất một nội dung vi phạm." }
    let organ = ConductingBody.Organ(rawValue: input.organ) ?? ConductingBody.Organ(parsing: input.organ)
    if organ == nil { problems.fields["organ"] = "Hãy chọn cơ quan quyết định." }
    var body: String?
    if let decided, let code = problems.required(input.bodyCode, "bodyCode", "mã tổ chức của cơ quan quyết định") {
      do {
        body = try await unit(code: code, on: decided).code
      } catch let error as AccessError where error.isNotFound {
        problems.fields["bodyCode"] = "Không có tổ chức đảng mang mã “\(code)” trong phạm vi của bạn."
      }
    }
    var subject: OversightSubject?
    if let decided {
      subject = try await oversightSubject(
        kind: input.subjectKind, key: input.subject, on: decided, problems: &problems)
    }
    guard problems.isEmpty, let decided, let violated, let number, let form, let organ, let body, let subject else {
      throw problems
    }
    let selfCorrected = ["on", "true", "1"].contains(input.selfCorrected ?? "")
    return DisciplineDecision(
      subject: subject, form: form, categories: categories, decidingBody: ConductingBody(organ, of: body),
      number: number, decided: decided, violated: violated, selfCorrected: selfCorrected, note: input.note)
  }

  /// Checks an inspection input: every subject inside the scope, each problem beside its field.
  func inspection(from input: InspectionInput) async throws -> Inspection {
    var problems = FieldProblems()
    let kind = OversightKind(code: input.kind)
    if kind == nil { problems.fields["kind"] = "Hãy chọn loại kiểm tra hoặc giám sát." }
    let organ = ConductingBody.Organ(rawValue: input.organ) ?? ConductingBody.Organ(parsing: input.organ)
    if organ == nil { problems.fields["organ"] = "Hãy chọn chủ thể tiến hành." }
    let title = problems.required(input.title, "title", "nội dung cuộc kiểm tra, giám sát")
    let started = problems.day(input.started, "started", "ngày bắt đầu")
    var body: String?
    var subjects: [InspectionSubject] = []
    if let started {
      if let code = problems.required(input.bodyCode, "bodyCode", "mã tổ chức của chủ thể") {
        do {
          body = try await unit(code: code, on: started).code
        } catch let error as AccessError where error.isNotFound {
          problems.fields["bodyCode"] = "Không có tổ chức đảng mang mã “\(code)” trong phạm vi của bạn."
        }
      }
      for (field, kind) in [("memberSubjects", "member"), ("unitSubjects", "unit")] {
        let keys = (field == "memberSubjects" ? input.memberSubjects : input.unitSubjects)
          .split(whereSeparator: { $0.isNewline || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }
          .filter { !$0.isEmpty }
        for key in keys {
          var one = FieldProblems()
          if let subject = try await oversightSubject(kind: kind, key: key, on: started, problems: &one) {
            subjects.append(InspectionSubject(subject))
          } else if let message = one["subject"] {
            problems.fields[field] = [problems[field], message].compactMap { $0 }.joined(separator: " ")
          }
        }
      }
      if subjects.isEmpty && problems["memberSubjects"] == nil && problems["unitSubjects"] == nil {
        problems.fields["memberSubjects"] = "Hãy ghi ít nhất một đối tượng: số thẻ đảng viên hoặc mã tổ chức."
      }
    }
    guard problems.isEmpty, let kind, let organ, let title, let started, let body else { throw problems }
    return Inspection(
      kind: kind, body: ConductingBody(organ, of: body), title: title, started: started, subjects: subjects)
  }

  func complaint(from input: ComplaintInput) async throws -> Complaint {
    var problems = FieldProblems()
    let kind = Complaint.Kind(rawValue: input.kind)
    if kind == nil { problems.fields["kind"] = "Hãy chọn khiếu nại hoặc tố cáo." }
    let received = problems.day(input.received, "received", "ngày nhận đơn")
    var subject: OversightSubject?
    if let received {
      subject = try await oversightSubject(
        kind: input.subjectKind, key: input.subject, on: received, problems: &problems)
    }
    guard problems.isEmpty, let kind, let received, let subject else { throw problems }
    return Complaint(kind: kind, subject: subject, received: received, summary: input.summary)
  }
}
