/// How complete a unit's register is: of the members in it today, how many have each field that campaigns to
/// complete the register chase (a national ID, a birth date, a party card number, an ethnicity, an education
/// level). Counts add up the tree; shares are worked out from them.
public struct RegisterCompleteness: Hashable, Sendable, Codable {
  public enum Field: String, CaseIterable, Sendable, Codable {
    case nationalID, birthDate, cardNumber, ethnicity, education

    public var nameVi: String {
      switch self {
      case .nationalID: "Số căn cước"
      case .birthDate: "Ngày sinh"
      case .cardNumber: "Số thẻ đảng"
      case .ethnicity: "Dân tộc"
      case .education: "Trình độ học vấn"
      }
    }
  }

  public var members = 0
  public var nationalID = 0
  public var birthDate = 0
  public var cardNumber = 0
  public var ethnicity = 0
  public var education = 0

  public init(
    members: Int = 0, nationalID: Int = 0, birthDate: Int = 0, cardNumber: Int = 0, ethnicity: Int = 0,
    education: Int = 0
  ) {
    self.members = members
    self.nationalID = nationalID
    self.birthDate = birthDate
    self.cardNumber = cardNumber
    self.ethnicity = ethnicity
    self.education = education
  }

  public func count(_ field: Field) -> Int {
    switch field {
    case .nationalID: nationalID
    case .birthDate: birthDate
    case .cardNumber: cardNumber
    case .ethnicity: ethnicity
    case .education: education
    }
  }

  /// The percentage of members with `field`; nil for a unit with no members.
  public func share(_ field: Field) -> Percent? { Percent(count(field), of: members) }

  /// The lowest percentage of the five (times 100): what puts a unit first in a campaign's list; a unit without
  /// members goes last.
  public var weakest: Int { Field.allCases.compactMap { share($0)?.scaled }.min() ?? Int.max }

  public static func + (a: Self, b: Self) -> Self {
    Self(
      members: a.members + b.members, nationalID: a.nationalID + b.nationalID, birthDate: a.birthDate + b.birthDate,
      cardNumber: a.cardNumber + b.cardNumber, ethnicity: a.ethnicity + b.ethnicity,
      education: a.education + b.education)
  }

  public static func += (a: inout Self, b: Self) { a = a + b }
}
