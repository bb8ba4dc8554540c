import DangVuCore
import DangVuStore
import DangVuTestFixtures
import DangVuWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A small province whose tree and register differ between 31/12/2023 and today:
/// Hà Tiên is founded on 1/1/2024 and the school cell moves under it that day;
/// Lê Thị Hoa is struck off on 1/3/2024.
enum WebProvince {
  static let units =
    SmallProvince.units + [
      NewOrganisation(
        code: "KG.03", name: "Đảng bộ thành phố Hà Tiên", kind: .districtCommittee, parentCode: "KG",
        founded: day("2024-01-01"))
    ]

  /// Builds the province in a fresh in-memory store and returns the store with unit ids by code.
  static func store(extraUnits: [NewOrganisation] = [], extraMembers: [(String, String)] = []) async throws -> (
    store: SQLiteStore, ids: [String: Int64]
  ) {
    let store = try SQLiteStore.inMemory()
    let added = try await store.addOrganisations(units + extraUnits)
    let ids = Dictionary(uniqueKeysWithValues: added.map { ($0.code, $0.id) })
    try await store.moveOrganisation(code: "KG.02.001", underParent: "KG.03", on: day("2024-01-01"))

    var members = [
      member("Nguyễn Văn An", card: "1001", cell: ids["KG.01.001.01"]!, admitted: "2010-05-19"),
      member("Đặng Thị Bích", card: "1002", cell: ids["KG.01.001.01"]!, admitted: "2015-03-26"),
      member("Trần Văn Cường", card: "1003", cell: ids["KG.02.001"]!, admitted: "2012-09-02"),
      member(
        "Lê Thị Hoa", card: "1004", cell: ids["KG.02.001"]!, admitted: "2011-02-03",
        later: [MembershipEvent(memberID: 0, kind: .struckOff, date: day("2024-03-01"))]),
    ]
    for (name, cellCode) in extraMembers {
      members.append(member(name, card: "9\(members.count)", cell: ids[cellCode]!, admitted: "2018-06-01"))
    }
    try await store.addMembers(members)
    return (store, ids)
  }

  static func member(
    _ name: String, card: String, cell: Int64, admitted: String, later: [MembershipEvent] = []
  ) -> NewMember {
    let admission = day(admitted)
    return NewMember(
      member: Member(fullName: name, gender: .female, birthDate: day("1985-07-14"), partyCardNumber: card),
      events: [
        MembershipEvent(memberID: 0, kind: .admitted, date: admission, cellID: cell),
        MembershipEvent(memberID: 0, kind: .madeOfficial, date: admission.adding(months: 12)),
      ] + later)
  }
}

/// Runs one request against the application built over `store`, the way `dangvu serve` builds it.
func get(_ uri: String, from store: any PartyStore) async throws -> (status: HTTPResponse.Status, body: String) {
  let app = buildApplication(store: store)
  return try await app.test(.router) { client in
    try await client.execute(uri: uri, method: .get) { response in
      (response.status, String(buffer: response.body))
    }
  }
}
