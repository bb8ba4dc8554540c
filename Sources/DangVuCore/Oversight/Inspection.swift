/// The kinds of inspection (kiểm tra) of the Party's charter, Article 30 and Quy định 22-QĐ/TW.
public enum InspectionKind: String, Hashable, Sendable, Codable, CaseIterable {
  case regular  // thường xuyên
  case signsOfViolation  // khi có dấu hiệu vi phạm
  case duties  // việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng
  case partyFinance  // tài chính đảng
  case partyFee  // việc thu, nộp, quản lý và sử dụng đảng phí

  public var nameVi: String {
    switch self {
    case .regular: "kiểm tra thường xuyên"
    case .signsOfViolation: "kiểm tra khi có dấu hiệu vi phạm"
    case .duties: "kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng"
    case .partyFinance: "kiểm tra tài chính đảng"
    case .partyFee: "kiểm tra việc thu, nộp, quản lý và sử dụng đảng phí"
    }
  }

  /// Party finance and the inspection and discipline duties are a committee's or commission's work: only
  /// organisations are inspected on them (Quy định 22-QĐ/TW), so a report names no members beside them.
  public var inspectsOrganisationsOnly: Bool { self == .duties || self == .partyFinance }
}

/// An inspection or a supervision: both have a conducting body, dates, subjects with a finding each, and
/// follow-up; they differ only in kind, so they are one record and one table.
public struct Inspection: Hashable, Sendable, Codable, Identifiable {
  public var id: Int64
  public var kind: OversightKind
  public var body: ConductingBody
  /// "Kiểm tra việc lãnh đạo thực hiện Nghị quyết …"
  public var title: String
  public var started: Day
  /// The day of the conclusion (kết luận); nil while it runs, when its subjects count as "pending".
  public var concluded: Day?
  public var subjects: [InspectionSubject]

  public init(
    id: Int64 = 0, kind: OversightKind, body: ConductingBody, title: String, started: Day, concluded: Day? = nil,
    subjects: [InspectionSubject]
  ) {
    self.id = id
    self.kind = kind
    self.body = body
    self.title = title
    self.started = started
    self.concluded = concluded
    self.subjects = subjects
  }
}

/// A member or a unit: who an inspection, supervision, discipline or complaint is about.
public enum OversightSubject: Hashable, Sendable, Codable {
  case member(Int64)
  case unit(code: String)

  public var isMember: Bool {
    if case .member = self { return true }
    return false
  }
}

/// One subject of an inspection (one "lượt") with its finding.
public struct InspectionSubject: Hashable, Sendable, Codable {
  public var subject: OversightSubject
  /// nil until concluded; then whether a violation was found.
  public var violationFound: Bool?
  public var conclusion: String
  /// What the subject must do, and what it did (khắc phục, xử lý sau kiểm tra).
  public var followUp: String

  public init(_ subject: OversightSubject, violationFound: Bool? = nil, conclusion: String = "", followUp: String = "")
  {
    self.subject = subject
    self.violationFound = violationFound
    self.conclusion = conclusion
    self.followUp = followUp
  }
}
