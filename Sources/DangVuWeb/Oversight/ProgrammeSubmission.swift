import DangVuCore
import DangVuStore
import Foundation

/// A body's yearly inspection and supervision programme as typed on the programmes page or sent to the API: the
/// unit whose committee or commission it is, the organ, the year, and the planned number per kind, all as text
/// so what was typed goes back unchanged when something is refused. In a form each kind is a field
/// `planned.<kind code>`; in JSON an object `planned` keyed by kind code (numbers or text).
struct ProgrammeFields: Decodable, Sendable, Equatable {
  var unit: String?
  var organ: String?
  var year: String?
  var planned: [String: String] = [:]

  init(unit: String? = nil, organ: String? = nil, year: String? = nil, planned: [String: String] = [:]) {
    self.unit = unit
    self.organ = organ
    self.year = year
    self.planned = planned
  }

  enum CodingKeys: String, CodingKey { case unit, organ, year, planned }

  struct Kind: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    unit = try c.decodeIfPresent(String.self, forKey: .unit)
    organ = try c.decodeIfPresent(String.self, forKey: .organ)
    year =
      try (try? c.decodeIfPresent(Int.self, forKey: .year)).map(String.init)
      ?? c.decodeIfPresent(
        String.self, forKey: .year)
    if c.contains(.planned) {
      let kinds = try c.nestedContainer(keyedBy: Kind.self, forKey: .planned)
      for key in kinds.allKeys {
        planned[key.stringValue] =
          try (try? kinds.decode(Int.self, forKey: key)).map(String.init) ?? kinds.decode(String.self, forKey: key)
      }
    }
  }

  /// The fields of a submitted form (`application/x-www-form-urlencoded`).
  init(form text: String) {
    for pair in text.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1).map {
        String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
      }
      guard parts.count == 2 else { continue }
      switch parts[0] {
      case "unit": unit = parts[1]
      case "organ": organ = parts[1]
      case "year": year = parts[1]
      case let name where name.hasPrefix("planned."): planned[String(name.dropFirst("planned.".count))] = parts[1]
      default: break
      }
    }
  }
}

/// Setting a programme: the same for the page and the API. The unit must lie in the principal's subtree; each
/// typed field is checked with its message beside it; the store replaces the body's programme for the year and
/// appends the audit entry (`programme.set`, the old programme kept) in one transaction.
enum ProgrammeSubmission {
  enum Outcome: Sendable {
    case saved(OversightProgramme)
    case invalid(FieldProblems)
  }

  /// A programme a year ahead at most, as plans.
  static func years(today: Day) -> ClosedRange<Int> { 2000...(today.year + 1) }

  static func set(_ fields: ProgrammeFields, access: Access, today: Day, in store: any OversightStore) async throws
    -> Outcome
  {
    var errors = FieldProblems()
    var unit: Organisation?
    if let code = LifecycleFields.text(fields.unit) {
      do {
        unit = try await access.unit(code: code, on: today)
      } catch is AccessError {
        errors["unit"] = "Không có đơn vị mã “\(code)” trong phạm vi của bạn."
      }
    } else {
      errors["unit"] = "Hãy nhập mã đơn vị."
    }
    let organ = fields.organ.flatMap(ConductingBody.Organ.init(rawValue:))
    if organ == nil { errors["organ"] = "Hãy chọn chủ thể: cấp ủy, tổ chức đảng hoặc ủy ban kiểm tra." }
    let year = TargetFields.number(fields.year, "year", "năm", years(today: today), errors: &errors)
    var planned: [String: Int] = [:]
    for (code, typed) in fields.planned.sorted(by: { $0.key < $1.key }) {
      guard let kind = OversightKind(code: code) else {
        errors["planned"] = "“\(code)” không phải loại kiểm tra, giám sát."
        continue
      }
      if let count = TargetFields.number(
        typed, "planned.\(code)", "số cuộc \(kind.nameVi)", 0...10_000, errors: &errors, required: false)
      {
        planned[code] = count
      }
    }
    if planned.isEmpty && errors["planned"] == nil && !errors.fields.keys.contains(where: { $0.hasPrefix("planned.") })
    {
      errors["planned"] = "Hãy nhập số cuộc dự kiến cho ít nhất một loại kiểm tra, giám sát."
    }
    guard errors.isEmpty, let unit, let organ, let year else { return .invalid(errors) }
    let programme = OversightProgramme(body: ConductingBody(organ, of: unit.code), year: year, planned: planned)
    try await store.setProgramme(programme, by: AuditActor(access.principal))
    AuditRecorder.recordedByStore()
    return .saved(programme)
  }
}
