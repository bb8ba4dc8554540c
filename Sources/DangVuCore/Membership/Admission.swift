/// The admission decision behind an `admitted` event: who decided, and the two official members who
/// vouched for the new member (Điều lệ Đảng, Điều 4: two sponsors, official members who have worked
/// with the applicant for at least a year).
public struct Admission: Hashable, Sendable, Codable {
  public var memberID: Int64
  /// "Quyết định số 125-QĐ/HU"
  public var decisionNumber: String
  public var sponsorIDs: [Int64]

  public init(memberID: Int64, decisionNumber: String, sponsorIDs: [Int64]) {
    self.memberID = memberID
    self.decisionNumber = decisionNumber
    self.sponsorIDs = sponsorIDs
  }
}

/// Checks on an admission record against the register on the admission day.
public enum AdmissionRules {
  public static let sponsorsRequired = 2

  /// `standingOfSponsor` answers where each sponsor stood on the admission day (nil: not in the register).
  public static func check(
    _ admission: Admission, memberName: String, admittedOn day: Day, standingOfSponsor: (Int64) -> Standing?
  ) throws(DomainError) {
    if admission.decisionNumber.allSatisfy(\.isWhitespace) {
      throw DomainError(
        "admission.decisionMissing", "Kết nạp \(memberName): hãy ghi số quyết định kết nạp.")
    }
    try TextRules.check(admission.decisionNumber, .decisionNumber)
    let sponsors = Set(admission.sponsorIDs)
    guard admission.sponsorIDs.count == sponsorsRequired, sponsors.count == sponsorsRequired else {
      throw DomainError(
        "admission.sponsors",
        "Kết nạp \(memberName): cần đúng \(sponsorsRequired) đảng viên chính thức giới thiệu, khác nhau.")
    }
    if sponsors.contains(admission.memberID) {
      throw DomainError("admission.selfSponsor", "Kết nạp \(memberName): người được kết nạp không thể tự giới thiệu.")
    }
    for id in admission.sponsorIDs where standingOfSponsor(id) != .official {
      throw DomainError(
        "admission.sponsorNotOfficial",
        "Kết nạp \(memberName): người giới thiệu (mã số \(id)) không phải đảng viên chính thức vào ngày \(day.vietnamese)."
      )
    }
  }

  /// The day a member being added with an admission decision was admitted: their history must hold the admission.
  public static func admissionDay(of timeline: MemberTimeline, memberName: String) throws(DomainError) -> Day {
    guard let admitted = timeline.admissionDate else {
      throw DomainError(
        "admission.noEvent", "\(memberName) chưa có sự kiện kết nạp; chỉ ghi quyết định kết nạp khi có.")
    }
    return admitted
  }
}
