import DangVuCore
import DangVuDemo
import Testing

/// The default demo (Kiên Giang, seed 1), generated once for all the tests that read it.
private let kienGiang: (plan: DemoPlan, districts: [DemoDistrict]) = {
  let plan = DemoPlan(members: 62_600, seed: 1)
  let province = plan.provinces[0]
  return (plan, province.districts.map { DemoDistrictGenerator.generate($0, province: province, seed: 1) })
}()

private func firstDistrict(seed: UInt64) -> DemoDistrict {
  let plan = DemoPlan(members: 62_600, seed: seed)
  return DemoDistrictGenerator.generate(plan.provinces[0].districts[0], province: plan.provinces[0], seed: seed)
}

@Suite("The demo province")
struct DemoGeneratorTests {
  @Test func theSameSeedGivesTheSameData() {
    let a = firstDistrict(seed: 1)
    let b = firstDistrict(seed: 1)
    #expect(a.units == b.units)
    #expect(a.members == b.members)
    #expect(a.population == b.population)
  }

  @Test func anotherSeedGivesOtherData() {
    let a = firstDistrict(seed: 1)
    let b = firstDistrict(seed: 2)
    #expect(a.members.map(\.member.fullName) != b.members.map(\.member.fullName))
    #expect(a.units.map(\.founded) != b.units.map(\.founded))
  }

  @Test func theTreeHasKienGiangsShapeOnTheReferenceDay() {
    let units = kienGiang.districts.flatMap(\.units).filter { $0.exists(on: DemoCalendar.referenceDay) }
    func count(_ kind: UnitKind) -> Int { units.filter { $0.kind == kind }.count }
    #expect(kienGiang.plan.provinces.count == 1)
    #expect(count(.districtCommittee) == 19)
    #expect(count(.grassrootsCommittee) == 296)
    #expect(count(.grassrootsCell) == 516)
    #expect(count(.partialCommittee) == 19)
    #expect(count(.subordinateCell) == 2_819)
    let recent = units.filter { $0.kind == .subordinateCell && $0.founded >= DemoCalendar.recentFrom }
    #expect(recent.count == 37)
    #expect(units.contains { $0.name == "Đảng bộ huyện Châu Thành" && $0.code.hasPrefix("KG.") })
  }

  @Test func everyUnitMayStandUnderItsParentAndCodesAreUnique() throws {
    let units = kienGiang.districts.flatMap(\.units)
    #expect(Set(units.map(\.code)).count == units.count)
    for district in kienGiang.districts {
      for unit in district.units {
        let parentKind = unit.parent.map { district.units[$0].kind } ?? .provincialCommittee
        #expect(UnitKindTable.standard.allows(child: unit.kind, under: parentKind, on: unit.founded), "\(unit.code)")
        if let parent = unit.parent { #expect(district.units[parent].founded <= unit.founded, "\(unit.code)") }
        if let move = unit.move {
          #expect(
            UnitKindTable.standard.allows(child: unit.kind, under: district.units[move.parent].kind, on: move.day))
        }
      }
    }
  }

  @Test func aboutSixtyTwoThousandMembersOfWhomAboutFiveThousandFourHundredExempt() {
    let statuses = kienGiang.districts.flatMap(\.members).map { $0.status(on: DemoCalendar.referenceDay) }
    let present = statuses.filter(\.inRegister).count
    let exempt = statuses.filter(\.exempt).count
    #expect(abs(present - 62_600) < 300)
    #expect(abs(exempt - 5_400) < 550, "exempt: \(exempt)")
  }

  @Test func everyHistoryPassesTheRegisterRules() throws {
    for district in kienGiang.districts {
      for (i, m) in district.members.enumerated() {
        var member = m.member
        member.id = Int64(i + 1)
        let events = m.membershipEvents(cellIDs: district.units.indices.map(Int64.init))
        let timeline = try MemberTimeline(member: member, events: events) { district.cellCheck($0, on: $1) }
        try MemberRules.checkIdentity(member)
        // Nobody is left in a unit after it is dissolved.
        for span in timeline.spans {
          if let end = district.units[Int(span.cellID)].ended { #expect(span.until.map { $0 <= end } ?? false) }
        }
      }
    }
  }

  @Test func historiesSpanTheYearsSoPastRegistersDiffer() {
    let members = kienGiang.districts.flatMap(\.members)
    let in2019 = members.filter { $0.status(on: Day(year: 2019, month: 1, day: 1)!).inRegister }.count
    let in2025 = members.filter { $0.status(on: DemoCalendar.lastDay).inRegister }.count
    #expect(in2019 != in2025)
    let kinds = Set(members.flatMap { $0.events.map(\.kind) })
    #expect(
      kinds.isSuperset(of: [.admitted, .madeOfficial, .transferred, .exempted, .died, .struckOff, .askedToLeave]))
    let admissionYears = Set(members.compactMap { $0.events.first?.date.year })
    #expect(admissionYears.count > 40)
  }

  @Test func namesAreVietnameseWithDiacritics() {
    let members = kienGiang.districts.flatMap(\.members).map(\.member)
    let marked = members.filter { SearchFolding.fold($0.fullName) != $0.fullName.lowercased() }
    #expect(Double(marked.count) / Double(members.count) > 0.9)
    let nguyen = members.filter { $0.fullName.hasPrefix("Nguyễn ") }.count
    #expect((0.28...0.40).contains(Double(nguyen) / Double(members.count)))
    let women = members.filter { $0.gender == .female }.count
    #expect((0.30...0.42).contains(Double(women) / Double(members.count)))
    let khmer = members.filter { $0.ethnicity == "Khmer" }.count
    #expect((0.07...0.13).contains(Double(khmer) / Double(members.count)))
  }

  @Test func nationalIDsAndCardNumbersAreUnique() {
    let members = kienGiang.districts.flatMap(\.members).map(\.member)
    let ids = members.compactMap(\.nationalID)
    let cards = members.compactMap(\.partyCardNumber)
    #expect(ids.count == members.count)
    #expect(Set(ids).count == ids.count)
    #expect(Set(cards).count == cards.count)
    #expect(ids.allSatisfy { $0.count == 12 && $0.hasPrefix("091") })
    #expect(cards.allSatisfy { $0.count == 8 })
  }

  @Test func nationalScaleKeepsTheProportions() {
    let plan = DemoPlan(members: 6_000_000, seed: 1)
    #expect(plan.provinces.count == 63)
    #expect((280_000...380_000).contains(plan.units))
    #expect(plan.provinces.reduce(0) { $0 + $1.shape.members } == 6_000_000)
    let codes = plan.districts.map(\.code)
    #expect(Set(codes).count == codes.count)
    let small = DemoPlan(members: 3_000, seed: 1)
    #expect(small.provinces.count == 1 && small.districts.count == 1)
    #expect(small.provinces[0].shape.subordinateCells == 135)
  }
}

@Suite("The demo at national scale")
struct DemoNationalScaleTests {
  /// A member leaving soon after the reference day once got their cell's founding transfer dated after
  /// their death; only some districts of other provinces showed it, so check a spread of them.
  @Test func historiesInOtherProvincesPassTheRegisterRulesToo() throws {
    let plan = DemoPlan(members: 6_000_000, seed: 1)
    for province in plan.provinces.prefix(6) {
      for districtPlan in province.districts.prefix(4) {
        let district = DemoDistrictGenerator.generate(districtPlan, province: province, seed: 1)
        for (i, m) in district.members.enumerated() {
          var member = m.member
          member.id = Int64(i + 1)
          _ = try MemberTimeline(
            member: member, events: m.membershipEvents(cellIDs: district.units.indices.map(Int64.init))
          ) { district.cellCheck($0, on: $1) }
        }
      }
    }
  }
}
