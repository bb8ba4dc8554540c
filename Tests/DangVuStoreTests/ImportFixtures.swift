import DangVuCore
import Foundation
import Testing

@testable import DangVuStore

/// A small province as an organisations file: a province, a district, a grassroots committee with two
/// cells, and a grassroots cell; enough for every path of the member and event files.
enum ImportProvince {
  static let organisations = """
    ma,ten,loai,ma_cap_tren,ngay_thanh_lap
    KG,Đảng bộ tỉnh Kiên Giang,provincialCommittee,,01/01/1976
    KG.01,Đảng bộ huyện Châu Thành,districtCommittee,KG,01/01/1980
    KG.01.001,Đảng bộ xã Bình An,grassrootsCommittee,KG.01,01/01/1990
    KG.01.001.01,Chi bộ ấp Phước Hòa,subordinateCell,KG.01.001,01/01/1990
    KG.01.001.02,Chi bộ ấp Hòa An,subordinateCell,KG.01.001,01/01/1990
    KG.01.002,Chi bộ Trường THPT Châu Thành,grassrootsCell,KG.01,2000-01-01

    """

  static let membersHeader =
    "so_the,ho_ten,gioi_tinh,ngay_sinh,dan_toc,ton_giao,so_cccd,que_quan,trinh_do_hoc_van,ly_luan_chinh_tri,"
    + "nghe_nghiep,ma_chi_bo,ngay_ket_nap,ngay_chinh_thuc,ngay_mien_sinh_hoat"

  /// Two good members, lines 2 and 3 of a members file.
  static let twoMembers = """
    \(membersHeader)
    10000001,Nguyễn Văn An,Nam,15/03/1975,Kinh,Không,091075000001,Châu Thành,Đại học,Trung cấp,Giáo viên,KG.01.001.01,19/05/2000,19/05/2001,
    10000002,Đặng Thị Lan,Nữ,1980-07-02,Khmer,Phật giáo,,Tân Hiệp,12/12,Sơ cấp,Nông dân,KG.01.002,2005-03-03,,

    """

  /// A fresh in-memory store holding the province.
  static func store() async throws -> SQLiteStore {
    let store = try SQLiteStore.inMemory()
    _ = try await OrganisationsFile.importing(bytes(organisations), into: store)
    return store
  }

  static func storeWithMembers() async throws -> SQLiteStore {
    let store = try await store()
    _ = try await MembersFile.importing(bytes(twoMembers), into: store)
    return store
  }
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Imports `file` expecting a refusal; checks the store is exactly as before and returns the issues.
func refusedIssues(
  _ kind: ImportFileKind, _ file: [UInt8], into store: some PartyStore,
  sourceLocation: SourceLocation = #_sourceLocation
) async throws -> [ImportIssue] {
  let before = try await store.statistics()
  var issues: [ImportIssue] = []
  do {
    let written = try await kind.importing(file, into: store)
    Issue.record("the file was accepted (\(written) rows) but should have been refused", sourceLocation: sourceLocation)
  } catch let error as ImportError {
    issues = error.issues
  }
  #expect(
    try await store.statistics() == before, "a refused file must leave the database unchanged",
    sourceLocation: sourceLocation)
  #expect(!issues.isEmpty, sourceLocation: sourceLocation)
  return issues
}
