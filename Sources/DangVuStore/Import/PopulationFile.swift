import DangVuCore

/// The population file (dân số): the population of the area a unit covers, per year, for
/// "share of the population" figures.
public enum PopulationFile {
  enum Column: Int, FileColumn {
    case organisationCode, year, population

    var vietnamese: String {
      switch self {
      case .organisationCode: "ma_to_chuc"
      case .year: "nam"
      case .population: "dan_so"
      }
    }

    var english: String {
      switch self {
      case .organisationCode: "org_code"
      case .year: "year"
      case .population: "population"
      }
    }

    var isRequired: Bool { true }

    var scopeReference: ScopeReference? { self == .organisationCode ? .unit : nil }
  }

  /// Years a population figure may be for.
  static let years = 1945...2200
}
