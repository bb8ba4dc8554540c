/// What the clerk decides rather than the records: the document's number, its date and who signs.
/// Left out, each stays a blank to fill in Word, as on a draft going to the standing committee.
public struct PartyReportOptions: Hashable, Sendable {
  /// The register number ("12"); nil leaves room to write it.
  public var number: String?
  /// The day of signing; nil leaves the day and month blank in the year given.
  public var date: Day?
  /// The year printed when no date is given (the caller's today: the core reads no clock).
  public var year: Int
  /// In capitals, as the signature block prints it; empty for the default of the issuer.
  public var signerPost: String
  /// Empty leaves the line for the clerk.
  public var signerName: String

  public init(
    number: String? = nil, date: Day? = nil, year: Int, signerPost: String? = nil, signerName: String? = nil
  ) throws(DomainError) {
    let number = PartyReportText.trimmed(number ?? "")
    let post = PartyReportText.trimmed(signerPost ?? "")
    let name = PartyReportText.trimmed(signerName ?? "")
    try TextRules.check(number, .documentNumber)
    try TextRules.check(post, .signerPost)
    try TextRules.check(name, .signerName)
    // A number the clerk gives goes before "-BC/TU": anything but digits and letters would garble the symbol.
    if number.contains(where: { !($0.isLetter || $0.isNumber) }) {
      throw DomainError(
        "document.number", "Số văn bản \"\(number)\" chỉ được gồm chữ số (ví dụ 12); ký hiệu -BC/… do hệ thống ghi.")
    }
    self.number = number.isEmpty ? nil : number
    self.date = date
    self.year = date?.year ?? year
    self.signerPost = post.uppercased()
    self.signerName = name
  }

}

extension TextField {
  public static let documentNumber = TextField("number", "Số văn bản", maxLength: 20)
  public static let signerPost = TextField("signerPost", "Chức vụ người ký", maxLength: 200)
  public static let signerName = TextField("signerName", "Họ tên người ký", maxLength: 200)
}
