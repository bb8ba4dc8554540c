/// Checks on a member's identity fields, before anything is written.
public enum MemberRules {
  public static func checkIdentity(_ m: Member) throws(DomainError) {
    if m.fullName.trimmingCharacters(in: " \t").isEmpty {
      throw DomainError("member.nameMissing", "Họ và tên đảng viên không được để trống.")
    }
    for (field, text) in textFields(of: m) { try TextRules.check(text, field) }
    for post in m.posts { try TextRules.check(post.title, .postTitle) }
    if let nid = m.nationalID, !(nid.count == 12 && nid.allSatisfy(\.isASCIIDigit)) {
      throw DomainError(
        "member.badNationalID", "Số căn cước \"\(nid)\" của \(m.fullName) không hợp lệ: phải gồm đúng 12 chữ số.")
    }
    if let card = m.partyCardNumber,
      card.isEmpty || card.count > 20 || !card.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
    {
      throw DomainError(
        "member.badCardNumber",
        "Số thẻ đảng \"\(card)\" của \(m.fullName) không hợp lệ: chỉ gồm chữ và số, tối đa 20 ký tự.")
    }
    for post in m.posts where post.until.map({ $0 <= post.from }) ?? false {
      throw DomainError(
        "member.badPostDates",
        "Chức vụ \"\(post.title)\" của \(m.fullName): ngày thôi giữ \(post.until!.vietnamese) phải sau ngày bắt đầu \(post.from.vietnamese)."
      )
    }
  }

  /// The member's free-text fields with the field each is checked as.
  public static func textFields(of m: Member) -> [(TextField, String)] {
    [
      (.fullName, m.fullName), (.ethnicity, m.ethnicity), (.religion, m.religion), (.homeTown, m.homeTown),
      (.education, m.education), (.politicalTheory, m.politicalTheory), (.occupation, m.occupation),
    ]
  }

  /// Numbers are unique in the whole register, but whose number it is may only be said to someone who may
  /// see that member: to anyone else, only that it is taken and who can look into it.
  public static func duplicateCard(_ card: String, holder: Member? = nil) -> DomainError {
    DomainError(
      "member.duplicateCard",
      holder.map { "Số thẻ đảng \(card) là của đảng viên \($0.fullName) trong phạm vi của bạn: hãy kiểm tra lại." }
        ?? "Số thẻ đảng \(card) đã được đăng ký cho một đảng viên khác; hãy hỏi Ban Tổ chức Tỉnh ủy nếu cần kiểm tra.")
  }

  public static func duplicateNationalID(_ nid: String, holder: Member? = nil) -> DomainError {
    DomainError(
      "member.duplicateNationalID",
      holder.map { "Số căn cước \(nid) là của đảng viên \($0.fullName) trong phạm vi của bạn: hãy kiểm tra lại." }
        ?? "Số căn cước \(nid) đã được đăng ký; hãy hỏi Ban Tổ chức Tỉnh ủy nếu cần kiểm tra.")
  }

  /// A member id that names nobody in the register.
  public static func unknownMember(_ id: Int64) -> DomainError {
    DomainError("member.unknown", "Không tìm thấy đảng viên có mã số \(id).")
  }
}
