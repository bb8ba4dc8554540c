import DangVuCore
import DangVuStore

/// Fixtures shared by the store and web tests: the same small province, built through the store.
public func day(_ text: String) -> Day { Day(parsing: text)! }

/// A province with one district that has a grassroots committee with two cells, and a grassroots cell.
public enum SmallProvince {
  public static let units = [
    NewOrganisation(
      code: "KG", name: "Đảng bộ tỉnh Kiên Giang", kind: .provincialCommittee, parentCode: nil,
      founded: day("1976-01-01")),
    NewOrganisation(
      code: "KG.01", name: "Đảng bộ huyện Châu Thành", kind: .districtCommittee, parentCode: "KG",
      founded: day("1980-01-01")),
    NewOrganisation(
      code: "KG.02", name: "Đảng bộ huyện Tân Hiệp", kind: .districtCommittee, parentCode: "KG",
      founded: day("1980-01-01")),
    NewOrganisation(
      code: "KG.01.001", name: "Đảng bộ xã Bình An", kind: .grassrootsCommittee, parentCode: "KG.01",
      founded: day("1990-01-01")),
    NewOrganisation(
      code: "KG.01.001.01", name: "Chi bộ ấp Phước Hòa", kind: .subordinateCell, parentCode: "KG.01.001",
      founded: day("1990-01-01")),
    NewOrganisation(
      code: "KG.01.001.02", name: "Chi bộ ấp Hòa An", kind: .subordinateCell, parentCode: "KG.01.001",
      founded: day("1990-01-01")),
    NewOrganisation(
      code: "KG.02.001", name: "Chi bộ Trường THPT Tân Hiệp", kind: .grassrootsCell, parentCode: "KG.02",
      founded: day("2000-01-01")),
  ]

  /// Loads the units and returns their ids by code.
  public static func load(into store: any TreeStore) async throws -> [String: Int64] {
    let added = try await store.addOrganisations(units, audit: nil)
    return Dictionary(uniqueKeysWithValues: added.map { ($0.code, $0.id) })
  }

  public static func member(_ name: String, card: String, born: String = "1980-01-01", nid: String? = nil) -> Member {
    Member(fullName: name, gender: .female, birthDate: day(born), nationalID: nid, partyCardNumber: card)
  }

  public static func admitted(_ cell: Int64, on date: String) -> MembershipEvent {
    MembershipEvent(memberID: 0, kind: .admitted, date: day(date), cellID: cell)
  }

  /// The history most fixtures give a member: admitted to `cell` on 1/1/2010, official a year later.
  public static func officialSince2011(in cell: Int64) -> [MembershipEvent] {
    [admitted(cell, on: "2010-01-01"), MembershipEvent(memberID: 0, kind: .madeOfficial, date: day("2011-01-01"))]
  }

  /// Adds official members (`officialSince2011`) of one cell, cards 10000001, 10000002… in order; their ids.
  public static func addOfficialMembers(_ names: [String], in cell: Int64, to store: any PartyStore) async throws
    -> [Int64]
  {
    try await store.addMembers(
      names.enumerated().map { i, name in
        NewMember(member: member(name, card: "1000000\(i + 1)"), events: officialSince2011(in: cell))
      }
    ).map(\.id)
  }
}
