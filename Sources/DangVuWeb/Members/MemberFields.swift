import DangVuCore
import Foundation

/// A member's record as typed: every field as text, the same names in the HTML form and the JSON API, so
/// what a person typed goes back to them unchanged when something is wrong (nothing typed is lost).
struct MemberFields: Codable, Sendable, Equatable {
  var fullName: String?
  var gender: String?
  var birthDate: String?
  var ethnicity: String?
  var religion: String?
  var nationalID: String?
  var homeTown: String?
  var partyCardNumber: String?
  var education: String?
  var politicalTheory: String?
  var occupation: String?
  // Only when adding a member: where and when they were admitted.
  var cell: String?
  var admissionDate: String?
  var officialDate: String?
  var decisionNumber: String?
  /// The two official members who vouched for the admission, by party card number.
  var sponsor1: String?
  var sponsor2: String?

  /// The fields of the identity part, in the order the forms show them, with their Vietnamese labels.
  static let identityLabels: [(key: String, label: String)] = [
    ("fullName", "Họ và tên"), ("gender", "Giới tính"), ("birthDate", "Ngày sinh"), ("ethnicity", "Dân tộc"),
    ("religion", "Tôn giáo"), ("nationalID", "Số căn cước"), ("homeTown", "Quê quán"),
    ("partyCardNumber", "Số thẻ đảng viên"), ("education", "Trình độ giáo dục phổ thông"),
    ("politicalTheory", "Trình độ lý luận chính trị"), ("occupation", "Nghề nghiệp"),
  ]

  static let admissionLabels: [(key: String, label: String)] = [
    ("cell", "Chi bộ (mã)"), ("admissionDate", "Ngày kết nạp"), ("decisionNumber", "Số quyết định kết nạp"),
    ("sponsor1", "Người giới thiệu thứ nhất (số thẻ đảng)"), ("sponsor2", "Người giới thiệu thứ hai (số thẻ đảng)"),
    ("officialDate", "Ngày công nhận chính thức"),
  ]

  /// The admission fields of the cell page's admission form: the cell is the page's, the sponsors required.
  static let admitLabels: [(key: String, label: String)] = [
    ("admissionDate", "Ngày kết nạp"), ("decisionNumber", "Số quyết định kết nạp"),
    ("sponsor1", "Người giới thiệu thứ nhất"), ("sponsor2", "Người giới thiệu thứ hai"),
  ]

  /// A member arriving from another province: the day the cell receives them and the letter they bring.
  static let arrivalLabels: [(key: String, label: String)] = [
    ("admissionDate", "Ngày tiếp nhận"), ("decisionNumber", "Giấy giới thiệu của tỉnh nơi đi (số, ghi chú)"),
  ]

  subscript(key key: String) -> String? {
    switch key {
    case "fullName": fullName
    case "gender": gender
    case "birthDate": birthDate
    case "ethnicity": ethnicity
    case "religion": religion
    case "nationalID": nationalID
    case "homeTown": homeTown
    case "partyCardNumber": partyCardNumber
    case "education": education
    case "politicalTheory": politicalTheory
    case "occupation": occupation
    case "cell": cell
    case "admissionDate": admissionDate
    case "officialDate": officialDate
    case "decisionNumber": decisionNumber
    case "sponsor1": sponsor1
    case "sponsor2": sponsor2
    default: nil
    }
  }

  /// The fields of a stored member, as the edit form starts.
  init(_ member: Member) {
    fullName = member.fullName
    gender = member.gender.rawValue
    birthDate = member.birthDate.vietnamese
    ethnicity = member.ethnicity
    religion = member.religion
    nationalID = member.nationalID
    homeTown = member.homeTown
    partyCardNumber = member.partyCardNumber
    education = member.education
    politicalTheory = member.politicalTheory
    occupation = member.occupation
  }

  init() {}

  /// An empty form for a member admitted into `cell`, with the usual values filled in.
  static func new(inCell cell: String) -> MemberFields {
    var fields = MemberFields()
    fields.cell = cell
    fields.ethnicity = "Kinh"
    fields.religion = "Không"
    return fields
  }
}

extension MemberFields {
  private func text(_ value: String?) -> String? {
    guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
    return trimmed
  }

  private func required(_ key: String, _ label: String, _ value: String?, _ errors: inout FieldProblems) -> String {
    guard let value = text(value) else {
      errors[key] = "Hãy nhập \(label.lowercased())."
      return ""
    }
    return value
  }

  private func date(
    _ key: String, _ label: String, _ value: String?, required: Bool, today: Day, _ errors: inout FieldProblems
  )
    -> Day?
  {
    guard let value = text(value) else {
      if required { errors[key] = "Hãy nhập \(label.lowercased()) (dạng 31/12/1990 hoặc 1990-12-31)." }
      return nil
    }
    guard let day = Day(parsing: value) else {
      errors[key] = "“\(value)” không phải một ngày: hãy nhập dạng 31/12/1990 hoặc 1990-12-31."
      return nil
    }
    if day > today {
      errors[key] = "\(label) \(day.vietnamese) là một ngày trong tương lai."
      return nil
    }
    return day
  }

  /// The identity part as a `Member` with `id` (posts kept from `stored`), or the errors beside the fields.
  /// `nationalIDEditable` is false for a role that sees the number masked: the stored number is kept.
  func identity(id: Int64, stored: Member?, nationalIDEditable: Bool, today: Day, errors: inout FieldProblems)
    -> Member?
  {
    let name = required("fullName", "Họ và tên", fullName, &errors)
    var parsedGender: Gender?
    if let typed = text(gender) {
      parsedGender = Gender(rawValue: typed) ?? Gender(parsing: typed)
      if parsedGender == nil { errors["gender"] = "Giới tính phải là Nam hoặc Nữ." }
    } else {
      errors["gender"] = "Hãy chọn giới tính."
    }
    let born = date("birthDate", "Ngày sinh", birthDate, required: true, today: today, &errors)
    let ethnicityText = required("ethnicity", "Dân tộc", ethnicity, &errors)
    let religionText = required("religion", "Tôn giáo", religion, &errors)
    var nid = stored?.nationalID
    if nationalIDEditable {
      nid = text(nationalID)?.replacingOccurrences(of: " ", with: "")
      if let typed = nid, !(typed.count == 12 && typed.allSatisfy { $0.isASCII && $0.isNumber }) {
        errors["nationalID"] = "Số căn cước phải gồm đúng 12 chữ số (đang có \(typed.count) ký tự)."
      }
    }
    let card = text(partyCardNumber)
    if let card, card.count > 20 || !card.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
      errors["partyCardNumber"] = "Số thẻ đảng viên chỉ gồm chữ và số không dấu, tối đa 20 ký tự."
    }
    // The same limits the store keeps, said beside the field that breaks them.
    for field in TextField.memberIdentity {
      // As typed, before trimming: the API document's maxLength counts the spaces too.
      if let typed = self[key: field.key], let problem = TextRules.problem(in: typed, field) {
        errors[field.key] = problem.message
      }
    }
    guard let gender = parsedGender, let born, !errors.fields.keys.contains(where: Self.identityKeys.contains) else {
      return nil
    }
    return Member(
      id: id, fullName: name, gender: gender, birthDate: born, ethnicity: ethnicityText, religion: religionText,
      nationalID: nid, homeTown: text(homeTown) ?? "", partyCardNumber: card, education: text(education) ?? "",
      politicalTheory: text(politicalTheory) ?? "", occupation: text(occupation) ?? "", posts: stored?.posts ?? [])
  }

  static let identityKeys = Set(identityLabels.map(\.key))

  /// The admission of a new member: the admission date, the date made official if already, the decision.
  func admission(birthDate born: Day?, today: Day, errors: inout FieldProblems) -> (
    admitted: Day, official: Day?, decision: String
  )? {
    _ = required("cell", "Chi bộ", cell, &errors)
    let admitted = date("admissionDate", "Ngày kết nạp", admissionDate, required: true, today: today, &errors)
    let official = date(
      "officialDate", "Ngày công nhận chính thức", officialDate, required: false, today: today, &errors)
    guard let admitted else { return nil }
    if let born { Self.checkAge(born: born, admitted: admitted, errors: &errors) }
    if let official, official < admitted.adding(months: MemberTimeline.probationMonths) {
      errors["officialDate"] =
        "Thời gian dự bị là \(MemberTimeline.probationMonths) tháng từ ngày kết nạp \(admitted.vietnamese): "
        + "sớm nhất được công nhận chính thức ngày \(admitted.adding(months: MemberTimeline.probationMonths).vietnamese)."
    }
    return (admitted, official, text(decisionNumber) ?? "")
  }

  /// The age rule of the Party's statute (Điều lệ Đảng, Điều 1), said beside the birth date.
  static func checkAge(born: Day, admitted: Day, errors: inout FieldProblems) {
    let age = born.wholeYears(until: admitted)
    if age < MemberTimeline.minimumAdmissionAge {
      errors["birthDate"] =
        "Với ngày sinh này, đến ngày kết nạp \(admitted.vietnamese) đảng viên mới \(age) tuổi: "
        + "phải đủ \(MemberTimeline.minimumAdmissionAge) tuổi."
    }
  }

  /// A refusal of the store as the form shows it: beside its field, or above the form.
  static func problems(forRefusal error: DomainError) -> FieldProblems {
    FieldProblems(refusal: error, field: field(forRefusal:))
  }

  /// The field a refusal of the store belongs beside, by its code; nil for one about the whole record.
  static func field(forRefusal code: String) -> String? {
    switch code {
    case "member.nameMissing": "fullName"
    case "member.badNationalID", "member.duplicateNationalID": "nationalID"
    case "member.badCardNumber", "member.duplicateCard": "partyCardNumber"
    case "member.tooYoung": "birthDate"
    case "member.officialTooEarly": "officialDate"
    case "member.unknownCell", "member.cellNotExisting", "member.notACell": "cell"
    case "admission.decisionMissing": "decisionNumber"
    case "admission.sponsors", "admission.selfSponsor", "admission.sponsorNotOfficial": "sponsor1"
    default: nil
    }
  }
}
