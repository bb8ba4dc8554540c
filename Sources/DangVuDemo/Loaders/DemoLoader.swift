import DangVuCore
import DangVuStore

/// Writes a demo province (or country) into a store through its batch methods: first the whole
/// tree, then the members district by district, then the later moves and dissolutions of units
/// and the population figures.
public enum DemoLoader {
  /// Members per `addMembers` call: large enough that a transaction's overhead does not matter,
  /// small enough that a batch in memory stays a few tens of megabytes.
  static let batchSize = 25_000

  public static func load(
    into store: any BulkLoading, options: DemoOptions,
    progress: @Sendable (WorkProgress) -> Void
  ) async throws -> DemoSummary {
    let started = ContinuousClock.now
    let before = try await store.statistics()
    guard before.organisations == 0 && before.members == 0 else {
      throw DomainError(
        "demo.notEmpty",
        "Cơ sở dữ liệu đã có \(before.organisations) tổ chức và \(before.members) đảng viên; dữ liệu mẫu chỉ nạp vào "
          + "cơ sở dữ liệu trống. Hãy chọn một tệp mới bằng --db.")
    }
    guard options.members > 0 else {
      throw DomainError("demo.badSize", "Số đảng viên của dữ liệu mẫu phải lớn hơn 0 (đã nhập \(options.members)).")
    }
    let plan = DemoPlan(members: options.members, seed: options.seed)

    // The tree: one batch per province, so each district's units have their ids before its members.
    var districts: [DistrictIDs] = []
    var population: [Population] = []
    var changes: [(day: Day, code: String, move: String?)] = []
    let totalUnits = plan.units
    var unitsDone = 0
    progress(WorkProgress(phase: "tổ chức đảng", done: 0, total: totalUnits))
    for (provinceIndex, province) in plan.provinces.enumerated() {
      let districtUnits = province.districts.map {
        DemoDistrictGenerator.units($0, province: province, seed: options.seed)
      }
      let root = province.rootUnit
      let batch = [newOrganisation(root)] + districtUnits.flatMap { $0.map(newOrganisation) }
      let added = try await store.addOrganisations(batch)
      population += province.population.map {
        Population(organisationID: added[0].id, year: $0.year, people: $0.people)
      }
      var offset = 1
      for units in districtUnits {
        let ids = added[offset..<(offset + units.count)].map(\.id)
        offset += units.count
        districts.append(
          DistrictIDs(
            province: provinceIndex, unitIDs: ids, lastingCells: zip(units, ids).filter { Self.lasts($0.0) }.map(\.1)))
        for unit in units {
          if let move = unit.move { changes.append((move.day, unit.code, move.parentCode)) }
          if let ended = unit.ended { changes.append((ended, unit.code, nil)) }
        }
      }
      unitsDone += batch.count
      progress(WorkProgress(phase: "tổ chức đảng", done: unitsDone, total: totalUnits))
    }
    var provinceCells = Array(repeating: [Int64](), count: plan.provinces.count)
    for district in districts { provinceCells[district.province] += district.lastingCells }

    // The members: the next batch is generated while the previous one is being written. The store builds
    // its indexes once at the end of the phase (a tenth of the time of keeping them batch by batch).
    // The register is empty, so the n-th member written gets id n: the lifecycle is added on those ids.
    // The arrivals come on top of the generated records: the total grows by them as they are written.
    let totalMembers = plan.records
    var present = 0
    var exempt = 0
    var lifecycle = DemoLifecycleLoader(seed: options.seed)
    progress(WorkProgress(phase: "đảng viên", done: 0, total: totalMembers))
    try await store.loadingInBulk {
      var pending: [NewMember] = []
      pending.reserveCapacity(batchSize + 10_000)
      var writing: Task<Int, any Error>?
      var written = 0
      var nextID: Int64 = 1
      var ordinal = 0
      for province in plan.provinces {
        for districtPlan in province.districts {
          let district = DemoDistrictGenerator.generate(districtPlan, province: province, seed: options.seed)
          let ids = districts[ordinal]
          for row in district.population {
            population.append(Population(organisationID: ids.unitIDs[row.unit], year: row.year, people: row.people))
          }
          var records = district.members.map { generated in
            var m = generated
            m.member.id = nextID
            nextID += 1
            return NewMember(member: m.member, events: m.membershipEvents(cellIDs: ids.unitIDs))
          }
          lifecycle.enrich(
            &records, district: ordinal, unit: (ids.unitIDs[0], district.units[0].code),
            provinceCells: provinceCells[ids.province], districtCells: ids.lastingCells)
          nextID = (records.last?.member.id ?? nextID - 1) + 1
          ordinal += 1
          for record in records {
            let status = DemoStatus.of(
              record.events.lazy.map { (kind: $0.kind, date: $0.date) }, on: DemoCalendar.referenceDay)
            if status.inRegister { present += 1 }
            if status.exempt { exempt += 1 }
          }
          pending += records
          if pending.count >= batchSize {
            // Checked while the previous batch is written: the writer is left only the writing.
            let checked = try await store.checkMembers(pending)
            pending.removeAll(keepingCapacity: true)
            if let writing {
              written += try await writing.value
              progress(WorkProgress(phase: "đảng viên", done: written, total: max(written, totalMembers)))
            }
            writing = Task { try await Self.write(checked, into: store) }
          }
        }
      }
      if let writing { written += try await writing.value }
      if !pending.isEmpty { written += try await Self.write(store.checkMembers(pending), into: store) }
      progress(WorkProgress(phase: "đảng viên", done: written, total: max(written, totalMembers)))
      progress(WorkProgress(phase: "chỉ mục", done: 0, total: 1))
    }
    progress(WorkProgress(phase: "chỉ mục", done: 1, total: 1))

    // Moves and dissolutions come after the members, who were moved out of a cell before it ends.
    changes.sort { ($0.day, $0.code) < ($1.day, $1.code) }
    for (index, change) in changes.enumerated() {
      if let parent = change.move {
        try await store.moveOrganisation(code: change.code, underParent: parent, on: change.day)
      } else {
        try await store.endOrganisation(code: change.code, on: change.day)
      }
      progress(WorkProgress(phase: "thay đổi tổ chức", done: index + 1, total: changes.count))
    }
    try await store.setPopulation(population)
    let plans = lifecycle.plans
    try await store.setAdmissionPlans(plans)
    for province in plan.provinces {
      for target in try DemoTargets.of(provinceCode: province.rootUnit.code) {
        _ = try await store.addReportTarget(target, by: AuditActor(login: "demo", role: "system"))
      }
    }
    // Built here, once, so the first report on the demo does not pay for it (after the second era, if one follows).
    if !options.secondEraFollows {
      progress(WorkProgress(phase: "số liệu theo tháng", done: 0, total: 1))
      try await store.prepareMembershipReports()
      progress(WorkProgress(phase: "số liệu theo tháng", done: 1, total: 1))
    }

    let after = try await store.statistics()
    return DemoSummary(
      provinces: plan.provinces.count, organisations: after.organisations, members: after.members, events: after.events,
      referenceDay: DemoCalendar.referenceDay, membersOnReferenceDay: present, exemptOnReferenceDay: exempt,
      populationRows: population.count, treeChanges: changes.count, admissions: lifecycle.summary.admissions,
      moves: lifecycle.summary.moves, arrivals: lifecycle.summary.arrivals, admissionPlans: plans.count,
      elapsed: ContinuousClock.now - started)
  }

  /// A district's unit ids, in the order of its units, and those of its cells the lifecycle may move
  /// members between.
  private struct DistrictIDs {
    var province: Int
    var unitIDs: [Int64]
    var lastingCells: [Int64]
  }

  /// A cell that holds members through the whole of the demo's history.
  private static func lasts(_ unit: DemoUnit) -> Bool {
    UnitKindTable.standard.holdsMembers(unit.kind) && unit.ended == nil && unit.founded <= DemoCalendar.historyStart
  }

  /// Writes a batch, checking that its members got the ids the lifecycle was built on.
  private static func write(_ checked: CheckedMembers, into store: any BulkLoading) async throws -> Int {
    let batch = checked.batch
    let added = try await store.addMembers(checked)
    guard added.first?.id == batch.first?.member.id, added.last?.id == batch.last?.member.id else {
      throw DomainError(
        "demo.ids",
        "Mã số đảng viên được cấp (\(added.first?.id ?? 0)…\(added.last?.id ?? 0)) khác với mã số dữ liệu mẫu đã tính "
          + "(\(batch.first?.member.id ?? 0)…\(batch.last?.member.id ?? 0)); hãy nạp vào một cơ sở dữ liệu mới.")
    }
    return added.count
  }

  private static func newOrganisation(_ unit: DemoUnit) -> NewOrganisation {
    NewOrganisation(
      code: unit.code, name: unit.name, kind: unit.kind, parentCode: unit.parentCode, founded: unit.founded)
  }
}
