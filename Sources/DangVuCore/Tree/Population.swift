/// The population of the area a unit covers in one year, for "share of the population" figures.
public struct Population: Hashable, Sendable, Codable {
  public var organisationID: Int64
  public var year: Int
  public var people: Int

  public init(organisationID: Int64, year: Int, people: Int) {
    self.organisationID = organisationID
    self.year = year
    self.people = people
  }
}
