import DangVuCore

/// Generates one district-level committee of the demo: its units, then its members.
///
/// Pure and deterministic: the district's own random stream comes from the seed and the district's
/// place in the plan, so districts are generated one at a time (memory stays low at national scale)
/// and any of them comes out the same alone or in a run.
public struct DemoDistrictGenerator {
  let plan: DemoDistrictPlan
  let province: DemoProvincePlan
  var random: DemoRandom
  var units: [DemoUnit] = []
  var profiles: [DemoUnitProfile] = []
  /// Indices of the units that hold members, and how many members each holds on the reference day.
  var cells: [Int] = []
  var cellTargets: [Int] = []
  /// For each unit: the first cell of its parent, where members of a newer cell were admitted.
  var sourceCell: [Int] = []
  /// The unit dissolved members move into (the first cell of the same parent).
  var successor: [Int: Int] = [:]
  /// Communes (grassroots committees covering an area), for population and home towns.
  var communes: [(unit: Int, name: String)] = []
  var homeTowns: [String] = []
  var oldestCell = 0

  public static func generate(_ plan: DemoDistrictPlan, province: DemoProvincePlan, seed: UInt64) -> DemoDistrict {
    var generator = DemoDistrictGenerator(
      plan: plan, province: province,
      random: DemoRandom(seed: seed, stream: 0xD157, UInt64(plan.provinceIndex), UInt64(plan.index)))
    generator.buildTree()
    generator.planChanges()
    let members = generator.buildMembers()
    return DemoDistrict(plan: plan, units: generator.units, members: members, population: generator.population())
  }

  /// Only the district's units (with their later moves and dissolutions), exactly as `generate` makes
  /// them: cheap, so the loader writes the whole tree first and the members after.
  public static func units(_ plan: DemoDistrictPlan, province: DemoProvincePlan, seed: UInt64) -> [DemoUnit] {
    var generator = DemoDistrictGenerator(
      plan: plan, province: province,
      random: DemoRandom(seed: seed, stream: 0xD157, UInt64(plan.provinceIndex), UInt64(plan.index)))
    generator.buildTree()
    generator.planChanges()
    return generator.units
  }

  // MARK: The tree

  private var isArea: Bool { plan.sector.isArea }

  /// The district's own profile for committees and cells that are not communes.
  private var serviceProfile: DemoUnitProfile {
    switch plan.sector {
    case .police: .police
    case .military, .border: .military
    default: .office
    }
  }

  /// A day between `from` and `through`, leaning early (most units are old).
  private mutating func earlyDay(from: Day, through: Day) -> Day {
    let a = random.day(from: from, through: through)
    let b = random.day(from: from, through: through)
    return min(a, b)
  }

  @discardableResult
  private mutating func add(
    _ code: String, _ name: String, _ kind: UnitKind, parent: Int?, founded: Day, profile: DemoUnitProfile
  ) -> Int {
    units.append(
      DemoUnit(
        code: code, name: name, kind: kind, parent: parent, parentCode: parent.map { units[$0].code } ?? province.code,
        founded: founded))
    profiles.append(profile)
    sourceCell.append(-1)
    return units.count - 1
  }

  mutating func buildTree() {
    let district = add(
      plan.code, "Đảng bộ \(plan.place)", .districtCommittee, parent: nil, founded: plan.founded,
      profile: serviceProfile)
    let lastOld = Day(year: 2023, month: 5, day: 31)!
    let gc = plan.grassrootsCommittees
    var communeNames = DemoPlaces.communes
    random.shuffle(&communeNames)
    var committeeNames = committeeNamePool(gc, communeNames: communeNames)

    // Grassroots committees, numbered first.
    var committees: [Int] = []
    for i in 0..<gc {
      let (name, isCommune) = committeeNames[i]
      let founded =
        i == 0
        ? plan.founded : earlyDay(from: plan.founded, through: Day(year: 2021, month: 12, day: 31)!)
      let unit = add(
        "\(plan.code).\(DemoFormat.padded(i + 1, 3))", "Đảng bộ \(name)", .grassrootsCommittee, parent: district,
        founded: founded, profile: isCommune ? .hamlet : serviceProfile)
      if isCommune { communes.append((unit, name)) }
      committees.append(unit)
    }
    committeeNames.removeAll()

    // Which committees have a partial committee, and how many cells every parent holds.
    var order = Array(0..<gc)
    random.shuffle(&order)
    let withPartial = Set(order.prefix(plan.partialCommittees))
    let parents = (0..<gc).flatMap { withPartial.contains($0) ? [($0, false), ($0, true)] : [($0, false)] }
    let cellCounts = Allocation.distribute(
      plan.subordinateCells,
      weights: parents.map { c, partial in
        partial ? 0.5 : (profiles[committees[c]] == .hamlet ? 1.0 : 0.6) * (0.5 + random.unit())
      },
      minimum: parents.map { _ in 2 })

    var subordinate: [Int] = []
    var cursor = 0
    for (c, committee) in committees.enumerated() {
      let direct = cellCounts[cursor]
      cursor += 1
      let partialCells = withPartial.contains(c) ? cellCounts[cursor] : 0
      if withPartial.contains(c) { cursor += 1 }
      let profile = profiles[committee]
      var names = cellNames(direct, under: committee, profile: profile)
      var first = -1
      for k in 0..<direct {
        let founded = k == 0 ? units[committee].founded : earlyDay(from: units[committee].founded, through: lastOld)
        let cell = add(
          "\(units[committee].code).\(DemoFormat.padded(k + 1, 2))", "Chi bộ \(names[k])", .subordinateCell,
          parent: committee, founded: founded, profile: names[k].hasPrefix("Trường") ? .school : profile)
        if k == 0 { first = cell } else { subordinate.append(cell) }
        sourceCell[cell] = first
        cells.append(cell)
      }
      names.removeAll()
      if partialCells > 0 {
        let partialName =
          profile == .hamlet
          ? "Đảng bộ bộ phận \(units[committee].name.contains("phường") ? "khu phố" : "ấp") \(random.element(of: DemoPlaces.hamlets))"
          : "Đảng bộ bộ phận \(random.element(of: DemoPlaces.teams)) \(1 + random.below(9))"
        let partial = add(
          "\(units[committee].code).\(DemoFormat.padded(direct + 1, 2))", partialName, .partialCommittee,
          parent: committee,
          founded: earlyDay(from: units[committee].founded, through: Day(year: 2022, month: 12, day: 31)!),
          profile: profile)
        var firstInPartial = -1
        for k in 0..<partialCells {
          let founded = k == 0 ? units[partial].founded : earlyDay(from: units[partial].founded, through: lastOld)
          let label = profile == .hamlet ? "tổ \(k + 1)" : "\(random.element(of: DemoPlaces.teams)) \(k + 1)"
          let cell = add(
            "\(units[partial].code).\(DemoFormat.padded(k + 1, 2))", "Chi bộ \(label)", .subordinateCell,
            parent: partial, founded: founded, profile: profile)
          if k == 0 { firstInPartial = cell } else { subordinate.append(cell) }
          sourceCell[cell] = firstInPartial
          cells.append(cell)
        }
      }
    }

    // Grassroots cells directly under the district: schools, district bodies, provincial offices.
    let gcellNames = grassrootsCellNames(plan.grassrootsCells, communeNames: communeNames)
    for j in 0..<plan.grassrootsCells {
      let name = gcellNames[j]
      let cell = add(
        "\(plan.code).\(DemoFormat.padded(gc + j + 1, 3))", "Chi bộ \(name)", .grassrootsCell, parent: district,
        founded: earlyDay(from: plan.founded, through: lastOld),
        profile: name.hasPrefix("Trường")
          ? .school : name.contains("Y tế") || name.contains("Bệnh viện") ? .health : serviceProfile)
      cells.append(cell)
    }
    oldestCell = units.firstIndex { $0.kind == .subordinateCell } ?? cells[0]

    // Cells founded less than 6 months before the reference day (not graded in that year's evaluation).
    random.shuffle(&subordinate)
    for cell in subordinate.prefix(plan.recentSubordinateCells) {
      units[cell].founded = random.day(from: DemoCalendar.recentFrom, through: DemoCalendar.referenceDay)
    }
    for cell in cells where sourceCell[cell] < 0 { sourceCell[cell] = oldestCell }

    homeTowns = communes.map {
      "\($0.name.capitalisedFirst), \(plan.place), tỉnh \(plan.provinceName)"
    }
    if homeTowns.isEmpty { homeTowns = ["\(plan.place.capitalisedFirst), tỉnh \(plan.provinceName)"] }
  }

  /// A few subordinate cells are merged away after the reference day, and a few move to another committee.
  mutating func planChanges() {
    let candidates = cells.filter {
      units[$0].kind == .subordinateCell && sourceCell[$0] != $0 && units[$0].founded < DemoCalendar.recentFrom
    }
    var pool = candidates
    random.shuffle(&pool)
    let ends = Int((Double(plan.subordinateCells) * 0.004).rounded())
    let moves = Int((Double(plan.subordinateCells) * 0.003).rounded())
    for cell in pool.prefix(ends) {
      units[cell].ended = random.day(
        from: Day(year: 2024, month: 2, day: 1)!, through: Day(year: 2025, month: 5, day: 31)!)
      successor[cell] = sourceCell[cell]
    }
    let committees = units.indices.filter { units[$0].kind == .grassrootsCommittee }
    guard committees.count > 1 else { return }
    for cell in pool.dropFirst(ends).prefix(moves) where units[units[cell].parent!].kind == .grassrootsCommittee {
      var target = random.element(of: committees)
      if target == units[cell].parent {
        target = committees[(committees.firstIndex(of: target)! + 1) % committees.count]
      }
      let earliest = max(units[cell].founded, units[target].founded, Day(year: 2021, month: 1, day: 1)!).adding(
        days: 30)
      units[cell].move = DemoMove(
        parent: target, parentCode: units[target].code,
        day: random.day(from: earliest, through: Day(year: 2025, month: 5, day: 31)!))
    }
  }

  /// Names of grassroots committees: communes and wards for an area, offices and units for a sector.
  private mutating func committeeNamePool(_ count: Int, communeNames: [String]) -> [(String, Bool)] {
    var names: [(String, Bool)] = []
    if isArea {
      let agencies = count >= 8 ? 2 : count >= 4 ? 1 : 0
      let agencyNames = ["Cơ quan Chính quyền \(plan.place)", "Quân sự \(plan.place)"]
      for i in 0..<(count - agencies) {
        let base = communeNames[i % communeNames.count]
        let place = i < communeNames.count ? base : "\(base) \(i / communeNames.count + 1)"
        let word: String
        if plan.sector == .city {
          word = Double(i) < Double(count - agencies) * 0.7 ? "phường" : "xã"
        } else {
          word = i == 0 ? "thị trấn" : "xã"
        }
        names.append(("\(word) \(place)", true))
      }
      names += agencyNames.prefix(agencies).map { ($0, false) }
    } else {
      let pool: [String]
      switch plan.sector {
      case .police:
        pool = DemoPlaces.policeUnits + DemoPlaces.kienGiangDistricts.map { "Công an \($0)" }
      case .military:
        pool = DemoPlaces.militaryUnits + DemoPlaces.kienGiangDistricts.map { "Ban Chỉ huy Quân sự \($0)" }
      case .border: pool = DemoPlaces.borderUnits
      default: pool = DemoPlaces.provincialBodies
      }
      for i in 0..<count {
        names.append((i < pool.count ? pool[i] : "\(pool[i % pool.count]) \(i / pool.count + 1)", false))
      }
    }
    return names
  }

  /// Names of the cells directly under a grassroots committee (without "Chi bộ").
  private mutating func cellNames(_ count: Int, under committee: Int, profile: DemoUnitProfile) -> [String] {
    let committeeName = units[committee].name
    if profile == .hamlet {
      let commune = String(committeeName.dropFirst("Đảng bộ ".count))
      let isWard = commune.hasPrefix("phường") || commune.hasPrefix("thị trấn")
      let bare = commune.split(separator: " ").dropFirst(commune.hasPrefix("thị trấn") ? 2 : 1).joined(separator: " ")
      let institutions = min(count / 3, DemoPlaces.communeInstitutions.count)
      var hamlets = DemoPlaces.hamlets
      random.shuffle(&hamlets)
      var out: [String] = []
      for k in 0..<(count - institutions) {
        if isWard {
          out.append("khu phố \(k + 1)")
        } else {
          out.append(
            k < hamlets.count ? "ấp \(hamlets[k])" : "ấp \(hamlets[k % hamlets.count]) \(k / hamlets.count + 1)")
        }
      }
      for k in 0..<institutions {
        let institution = DemoPlaces.communeInstitutions[k]
        let word = commune.hasPrefix("thị trấn") ? "thị trấn" : String(commune.prefix { $0 != " " })
        let takesWord = !institution.hasPrefix("Trường")
        out.append(takesWord ? "\(institution) \(word) \(bare)" : "\(institution) \(bare)")
      }
      return out
    }
    if committeeName.contains("Cơ quan Chính quyền") {
      return (0..<count).map {
        $0 < DemoPlaces.districtOffices.count
          ? DemoPlaces.districtOffices[$0]
          : "\(DemoPlaces.districtOffices[$0 % DemoPlaces.districtOffices.count]) \($0 + 1)"
      }
    }
    let team = random.element(of: DemoPlaces.teams)
    return (0..<count).map { "\(team) \($0 + 1)" }
  }

  private mutating func grassrootsCellNames(_ count: Int, communeNames: [String]) -> [String] {
    if isArea {
      let schools = ["Trường THPT", "Trường THCS", "Trường Tiểu học", "Trường Mầm non"]
      var out: [String] = DemoPlaces.districtBodies.prefix(count / 2).map { "\($0) \(plan.place)" }
      var k = 0
      while out.count < count {
        let commune = communeNames[k % communeNames.count]
        let school = schools[k / communeNames.count % schools.count]
        out.append("\(school) \(commune)\(k >= communeNames.count * schools.count ? " \(k)" : "")")
        k += 1
      }
      return out
    }
    let pool: [String]
    switch plan.sector {
    case .police: pool = DemoPlaces.policeUnits.reversed()
    case .military: pool = DemoPlaces.militaryUnits.reversed()
    case .border: pool = DemoPlaces.borderUnits.reversed()
    default: pool = DemoPlaces.provincialBodies.reversed()
    }
    return (0..<count).map { $0 < pool.count ? pool[$0] : "\(pool[$0 % pool.count]) \($0 / pool.count + 1)" }
  }

  // MARK: Population

  func population() -> [DemoPopulation] {
    guard plan.sector.isArea, plan.population2022 > 0 else { return [] }
    var rows: [DemoPopulation] = []
    let targets = Dictionary(uniqueKeysWithValues: zip(cells, cellTargets))
    let communeWeights = communes.map { commune in
      Double(
        cells.filter {
          units[$0].parent == commune.unit || (units[$0].parent.map { units[$0].parent == commune.unit } ?? false)
        }
        .reduce(0) { $0 + (targets[$1] ?? 0) }) + 1
    }
    let communePeople = Allocation.distribute(plan.population2022, weights: communeWeights)
    for year in DemoCalendar.populationYears {
      rows.append(DemoPopulation(unit: 0, year: year, people: DemoPlan.people(plan.population2022, in: year)))
      for (i, commune) in communes.enumerated() {
        rows.append(DemoPopulation(unit: commune.unit, year: year, people: DemoPlan.people(communePeople[i], in: year)))
      }
    }
    return rows
  }
}
