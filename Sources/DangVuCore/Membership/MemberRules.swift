/// Checks on a member's identity fields, before anything is written.
public enum MemberRules {
  public static func checkIdentity(_ m: Member) throws(DomainError) {
    if m.fullName.trimmingCharacters(in: " \t").isEmpty {
      throw DomainError("member.nameMissing", "Họ và tên đảng viên không được để trống.")
    }
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

  public static func duplicateCard(_ card: String) -> DomainError {
    DomainError("member.duplicateCard", "Số thẻ đảng \(card) đã có trong danh sách đảng viên.")
  }

  public static func duplicateNationalID(_ nid: String) -> DomainError {
    DomainError("member.duplicateNationalID", "Số căn cước \(nid) đã có trong danh sách đảng viên.")
  }
}
