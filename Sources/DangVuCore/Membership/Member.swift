/// The identity part of a member's record (lý lịch đảng viên). Where the member is, and since when,
/// is not here: it follows from the member's events (`MemberTimeline`).
public struct Member: Hashable, Sendable, Codable, Identifiable {
  public var id: Int64
  public var fullName: String
  public var gender: Gender
  public var birthDate: Day
  public var ethnicity: String
  public var religion: String
  /// Căn cước công dân: 12 digits. Optional for records typed up from old paper files.
  public var nationalID: String?
  public var homeTown: String
  /// Số thẻ đảng viên; issued after the member is made official, so optional.
  public var partyCardNumber: String?
  public var education: String
  public var politicalTheory: String
  public var occupation: String
  public var posts: [LeadingPost]

  public init(
    id: Int64 = 0, fullName: String, gender: Gender, birthDate: Day, ethnicity: String = "Kinh",
    religion: String = "Không", nationalID: String? = nil, homeTown: String = "", partyCardNumber: String? = nil,
    education: String = "", politicalTheory: String = "", occupation: String = "", posts: [LeadingPost] = []
  ) {
    self.id = id
    self.fullName = fullName
    self.gender = gender
    self.birthDate = birthDate
    self.ethnicity = ethnicity
    self.religion = religion
    self.nationalID = nationalID
    self.homeTown = homeTown
    self.partyCardNumber = partyCardNumber
    self.education = education
    self.politicalTheory = politicalTheory
    self.occupation = occupation
    self.posts = posts
  }
}

public enum Gender: String, Hashable, Sendable, Codable, CaseIterable {
  case male, female

  public var nameVi: String { self == .male ? "Nam" : "Nữ" }

  /// Accepts the words spreadsheets use: Nam/Nữ, M/F, male/female.
  public init?(parsing text: String) {
    switch SearchFolding.fold(text) {
    case "nam", "m", "male": self = .male
    case "nu", "f", "female": self = .female
    default: return nil
    }
  }
}

/// A leading post held over dates (bí thư chi bộ from 2020-10-01 to …).
public struct LeadingPost: Hashable, Sendable, Codable {
  public var title: String
  public var organisationCode: String?
  public var from: Day
  public var until: Day?

  public init(title: String, organisationCode: String? = nil, from: Day, until: Day? = nil) {
    self.title = title
    self.organisationCode = organisationCode
    self.from = from
    self.until = until
  }
}
