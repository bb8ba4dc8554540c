/// A free-text field of a record: what the forms call it and the longest text it may hold.
///
/// Limits keep one record from filling the database (a 900 KB home town was once stored) and keep every
/// field printable in a report's table; they are generous for what each field really holds.
public struct TextField: Hashable, Sendable {
  public var key: String
  public var label: String
  public var maxLength: Int

  public init(_ key: String, _ label: String, maxLength: Int) {
    self.key = key
    self.label = label
    self.maxLength = maxLength
  }
}

extension TextField {
  public static let unitName = TextField("name", "Tên tổ chức", maxLength: 300)
  public static let fullName = TextField("fullName", "Họ và tên", maxLength: 200)
  public static let ethnicity = TextField("ethnicity", "Dân tộc", maxLength: 100)
  public static let religion = TextField("religion", "Tôn giáo", maxLength: 100)
  public static let homeTown = TextField("homeTown", "Quê quán", maxLength: 300)
  public static let education = TextField("education", "Trình độ giáo dục phổ thông", maxLength: 100)
  public static let politicalTheory = TextField("politicalTheory", "Trình độ lý luận chính trị", maxLength: 100)
  public static let occupation = TextField("occupation", "Nghề nghiệp", maxLength: 200)
  public static let postTitle = TextField("title", "Chức vụ", maxLength: 200)
  public static let collectiveName = TextField("name", "Tên tập thể lãnh đạo", maxLength: 300)
  public static let decisionNumber = TextField("decisionNumber", "Số quyết định", maxLength: 100)
  public static let letterNumber = TextField("number", "Số giấy giới thiệu", maxLength: 100)
  public static let recordTitle = TextField("title", "Nội dung", maxLength: 1000)
  public static let summary = TextField("summary", "Tóm tắt", maxLength: 4000)
  public static let note = TextField("note", "Ghi chú", maxLength: 4000)
  public static let conclusion = TextField("conclusion", "Kết luận", maxLength: 4000)
  public static let followUp = TextField("followUp", "Khắc phục sau kiểm tra", maxLength: 4000)
  public static let displayName = TextField("displayName", "Họ tên người dùng", maxLength: 200)
  public static let category = TextField("categories", "Nhóm vi phạm", maxLength: 100)

  /// The member's own text fields, in the order the forms show them.
  public static let memberIdentity: [TextField] = [
    .fullName, .ethnicity, .religion, .homeTown, .education, .politicalTheory, .occupation,
  ]
}

/// Text that may be stored: within its field's length, and free of characters that hide or change what it says.
public enum TextRules {
  /// NUL and the other control characters but tab and line breaks cut or garble text in files, terminals
  /// and some drivers; the bidirectional embeddings, overrides and isolates make a name or a number show in
  /// another order than it is stored (a card number read backwards).
  public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: false
    case 0x00...0x1F, 0x7F: true
    case 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// Why `text` cannot be stored in `field`, in Vietnamese, or nil when it can.
  public static func problem(in text: String, _ field: TextField) -> DomainError? {
    if let bad = text.unicodeScalars.first(where: isRefused) {
      let hex = String(bad.value, radix: 16, uppercase: true)
      return DomainError(
        "text.forbiddenCharacter",
        "\(field.label) có ký tự điều khiển không được phép (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)): "
          + "hãy gõ lại nội dung thay vì dán từ nơi khác.")
    }
    let length = text.count
    if length > field.maxLength {
      return DomainError(
        "text.tooLong",
        "\(field.label) dài \(VietnameseNumber.count(length)) ký tự, quá giới hạn "
          + "\(VietnameseNumber.count(field.maxLength)) ký tự: hãy rút gọn.")
    }
    return nil
  }

  /// Throws the first problem of `text` in `field`.
  public static func check(_ text: String, _ field: TextField) throws(DomainError) {
    if let problem = problem(in: text, field) { throw problem }
  }
}
