import DangVuCore

/// What a district-level committee covers, which decides the names and people of its units.
public enum DemoSector: String, Hashable, Sendable {
  case city, rural, agencies, military, police, border

  public var isArea: Bool { self == .city || self == .rural }
}

/// One province of the demo: its root unit and its districts, each to be generated on its own.
public struct DemoProvincePlan: Hashable, Sendable {
  public let index: Int
  public let code: String
  public let name: String
  public let founded: Day
  public let shape: DemoShape
  /// The three digits a căn cước number issued here starts with.
  public let idPrefix: Int
  /// The share of Khmer and Hoa members: high in Kiên Giang, low elsewhere.
  public let khmerShare: Double
  public let hoaShare: Double
  public let population2022: Int
  public let districts: [DemoDistrictPlan]

  public var rootUnit: DemoUnit {
    DemoUnit(code: code, name: name, kind: .provincialCommittee, parent: nil, parentCode: nil, founded: founded)
  }

  /// People living in the province in `year`, growing as in the demo's own years.
  public func people(in year: Int) -> Int { DemoPlan.people(population2022, in: year) }

  /// People living in the province each year, for "members as a share of the population".
  public var population: [(year: Int, people: Int)] {
    DemoCalendar.populationYears.map { ($0, DemoPlan.people(population2022, in: $0)) }
  }
}

/// One district-level committee to generate: how many units of each kind, how many members,
/// and where its serial numbers start, so districts can be generated independently and lazily.
public struct DemoDistrictPlan: Hashable, Sendable {
  public let provinceIndex: Int
  public let index: Int
  public let code: String
  /// The place or sector, e.g. "huyện Châu Thành", "Công an tỉnh".
  public let place: String
  public let provinceName: String
  public let sector: DemoSector
  public let founded: Day
  public let grassrootsCommittees: Int
  public let grassrootsCells: Int
  public let partialCommittees: Int
  public let subordinateCells: Int
  public let recentSubordinateCells: Int
  /// Members in the register on the reference day.
  public let presentMembers: Int
  /// Members who left before the reference day (died, struck off, asked to leave, expelled).
  public let formerMembers: Int
  /// Members admitted after the reference day.
  public let laterMembers: Int
  /// The first serial of this district's members across the whole demo (party card numbers).
  public let firstSerial: Int
  /// The first serial within the province (căn cước numbers).
  public let firstProvinceSerial: Int
  public let population2022: Int

  public var records: Int { presentMembers + formerMembers + laterMembers }
  public var units: Int { 1 + grassrootsCommittees + grassrootsCells + partialCommittees + subordinateCells }
}

/// The whole demo, decided up front and cheaply (counts only); the units and members of each district
/// are generated from it one district at a time (`DemoDistrictGenerator`).
public struct DemoPlan: Sendable {
  public let seed: UInt64
  public let members: Int
  public let provinces: [DemoProvincePlan]

  /// Members per province at national scale (the country has some 87,000 per province).
  static let membersPerProvince = 95_000.0
  /// Of the members on the reference day, how many left in the five years before, and how many joined after.
  static let formerRate = 0.062
  static let laterRate = 0.038
  /// Members as a share of the population, as the 2022 report printed it (3,57 %).
  static let memberShareOfPopulation = 0.0357

  public init(members: Int, seed: UInt64) {
    self.seed = seed
    self.members = max(1, members)
    var random = DemoRandom(seed: seed, stream: 0xD1A7)
    let count = max(1, Int((Double(self.members) / Self.membersPerProvince).rounded()))
    // Provinces differ in size by up to a quarter either way; one province is the whole demo.
    let weights = (0..<count).map { _ in count == 1 ? 1.0 : 0.75 + random.unit() * 0.5 }
    let perProvince = Allocation.distribute(self.members, weights: weights)
    var serial = 0
    var provinces: [DemoProvincePlan] = []
    for (index, provinceMembers) in perProvince.enumerated() {
      let province = Self.planProvince(
        index: index, members: provinceMembers, firstSerial: serial, seed: seed)
      serial += province.districts.reduce(0) { $0 + $1.records }
      provinces.append(province)
    }
    self.provinces = provinces
  }

  public var districts: [DemoDistrictPlan] { provinces.flatMap(\.districts) }
  public var records: Int { provinces.reduce(0) { $0 + $1.districts.reduce(0) { $0 + $1.records } } }
  public var units: Int { provinces.reduce(0) { $0 + 1 + $1.districts.reduce(0) { $0 + $1.units } } }

  static func people(_ base2022: Int, in year: Int) -> Int {
    Int((Double(base2022) * (1 + 0.004 * Double(year - 2022))).rounded())
  }

  private static func planProvince(index: Int, members: Int, firstSerial: Int, seed: UInt64) -> DemoProvincePlan {
    var random = DemoRandom(seed: seed, stream: 0x9A0, UInt64(index))
    let known = DemoPlaces.provinces[index % DemoPlaces.provinces.count]
    let round = index / DemoPlaces.provinces.count
    // Past the 63 real provinces (only at very large scales) the names repeat with a number.
    let code = round == 0 ? known.code : "\(known.code)\(round + 1)"
    let placeName = round == 0 ? known.name : "\(known.name) \(round + 1)"
    let name = (known.isCity ? "Đảng bộ thành phố " : "Đảng bộ tỉnh ") + placeName
    let shape = DemoShape.kienGiang.scaled(toMembers: members)
    let founded = Day(year: 1975, month: 9, day: 1)!

    // District-level committees: areas first (cities and districts), then the sectors.
    let d = shape.districtCommittees
    let sectors = d >= 5 ? min(DemoPlaces.sectorDistricts.count, Int((Double(d) * 4 / 19).rounded())) : 0
    var areaNames = index == 0 ? DemoPlaces.kienGiangDistricts : []
    var pool = DemoPlaces.otherDistricts
    random.shuffle(&pool)
    areaNames += pool
    while areaNames.count < d - sectors {
      areaNames.append("huyện \(DemoPlaces.communes[areaNames.count % DemoPlaces.communes.count]) \(areaNames.count)")
    }
    var places: [(String, DemoSector)] = areaNames.prefix(d - sectors).map {
      ($0, $0.hasPrefix("huyện") ? .rural : .city)
    }
    let sectorKinds: [DemoSector] = [.agencies, .military, .police, .border, .agencies, .agencies]
    for s in 0..<sectors { places.append((DemoPlaces.sectorDistricts[s], sectorKinds[s])) }

    let noise = places.map { _ in 0.6 + random.unit() * 0.8 }
    let gc = Allocation.distribute(
      shape.grassrootsCommittees, weights: places.indices.map { places[$0].1.isArea ? noise[$0] : 0.45 },
      minimum: Array(repeating: 1, count: d))
    let gcell = Allocation.distribute(
      shape.grassrootsCells, weights: places.indices.map { places[$0].1.isArea ? noise[$0] : 1.6 })
    let pc = Allocation.distribute(shape.partialCommittees, weights: gc.map(Double.init), cap: gc)
    let sc = Allocation.distribute(
      shape.subordinateCells,
      weights: places.indices.map { Double(gc[$0]) * (places[$0].1.isArea ? 10 : 6) + Double(pc[$0]) * 4 },
      minimum: places.indices.map { 2 * (gc[$0] + pc[$0]) })
    let recent = Allocation.distribute(
      shape.recentSubordinateCells, weights: sc.map(Double.init), cap: places.indices.map { sc[$0] - gc[$0] - pc[$0] })
    let present = Allocation.distribute(
      members, weights: places.indices.map { Double(sc[$0]) + 0.76 * Double(gcell[$0]) })
    let population2022 = Int((Double(members) / memberShareOfPopulation).rounded())
    let areaPeople = Allocation.distribute(
      population2022,
      weights: places.indices.map { places[$0].1.isArea ? Double(present[$0]) * (0.8 + random.unit() * 0.4) : 0 })

    var serial = firstSerial
    var provinceSerial = 0
    var districts: [DemoDistrictPlan] = []
    let width = max(2, String(d).count)
    for i in 0..<d {
      let (place, sector) = places[i]
      let foundedYear: Int
      if let late = DemoPlaces.lateDistricts[place], index == 0 {
        foundedYear = late
      } else {
        foundedYear = sector.isArea ? 1976 : 1976 + random.below(20)
      }
      let former = Int((Double(present[i]) * formerRate).rounded())
      let later = Int((Double(present[i]) * laterRate).rounded())
      let plan = DemoDistrictPlan(
        provinceIndex: index, index: i, code: "\(code).\(DemoFormat.padded(i + 1, width))", place: place,
        provinceName: placeName, sector: sector,
        founded: Day.firstDay(ofYear: foundedYear).adding(days: random.below(200)),
        grassrootsCommittees: gc[i], grassrootsCells: gcell[i], partialCommittees: pc[i], subordinateCells: sc[i],
        recentSubordinateCells: recent[i], presentMembers: present[i], formerMembers: former, laterMembers: later,
        firstSerial: serial, firstProvinceSerial: provinceSerial, population2022: areaPeople[i])
      serial += plan.records
      provinceSerial += plan.records
      districts.append(plan)
    }
    let shares: (Double, Double) = index == 0 ? (0.10, 0.02) : (0.015, 0.01)
    return DemoProvincePlan(
      index: index, code: code, name: name, founded: founded, shape: shape,
      idPrefix: index < DemoPlaces.provinces.count ? known.idPrefix : 100 + index % 900,
      khmerShare: shares.0, hoaShare: shares.1, population2022: population2022, districts: districts)
  }
}

enum DemoFormat {
  /// `n` with leading zeros to `width` digits.
  static func padded(_ n: Int, _ width: Int) -> String {
    let digits = String(n)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
