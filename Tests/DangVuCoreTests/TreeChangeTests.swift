import DangVuCore
import Testing

/// The rules of a rename and the sentence a person confirms before a change to the tree is written.
@Suite struct TreeChangeTests {
  static let commune = Organisation(
    id: 7, code: "KG.01.003", name: "Đảng bộ xã Vĩnh Hòa", kind: .communeCommittee,
    founded: Day(parsing: "2025-07-01")!)

  @Test func aMoveSaysWhatMovesWithTheUnitAndLeavesOutWhatIsZero() {
    let move = TreeChangePreview(
      kind: .move, unit: .init(code: "KG.01.003", name: "Đảng bộ xã Vĩnh Hòa"),
      other: .init(code: "KG.02", name: "Đảng bộ xã Tân Hiệp"), day: Day(parsing: "2025-07-01")!, unitsBelow: 4,
      members: 87)
    #expect(
      move.summary
        == "KG.01.003 Đảng bộ xã Vĩnh Hòa cùng 4 tổ chức trực thuộc và 87 đảng viên chuyển về trực thuộc "
        + "KG.02 Đảng bộ xã Tân Hiệp từ ngày 01/07/2025.")
    let empty = TreeChangePreview(kind: .dissolve, unit: move.unit, day: move.day)
    #expect(empty.summary == "KG.01.003 Đảng bộ xã Vĩnh Hòa chấm dứt hoạt động từ ngày 01/07/2025.")
  }

  @Test func aMergeSaysWhereTheUnitsAndMembersGoAndThatTheUnitEnds() {
    let merge = TreeChangePreview(
      kind: .merge, unit: .init(code: "KG.01.001.01", name: "Chi bộ ấp Phước Hòa"),
      other: .init(code: "KG.01.001.02", name: "Chi bộ ấp Hòa An"), day: Day(parsing: "2024-07-01")!,
      members: 1_250)
    #expect(
      merge.summary
        == "KG.01.001.01 Chi bộ ấp Phước Hòa sáp nhập vào KG.01.001.02 Chi bộ ấp Hòa An từ ngày 01/07/2024: "
        + "1.250 đảng viên chuyển sinh hoạt đảng về KG.01.001.02 Chi bộ ấp Hòa An; KG.01.001.01 chấm dứt hoạt động.")
  }

  @Test func aRenameNeedsANewNameADayAfterFoundingAndDatesInOrder() {
    let names = [
      NamePeriod(name: "Đảng bộ xã Vĩnh Hòa", from: Day(parsing: "2025-07-01")!, until: Day(parsing: "2025-09-01")!),
      NamePeriod(name: "Đảng bộ xã Vĩnh Hòa Hiệp", from: Day(parsing: "2025-09-01")!),
    ]
    func code(_ name: String, _ day: String) -> String? {
      do {
        try TreeRules.checkRename(Self.commune, to: name, on: Day(parsing: day)!, names: names)
        return nil
      } catch { return error.code }
    }
    #expect(code("Đảng bộ xã Vĩnh Hòa Mới", "2025-10-01") == nil)
    #expect(code("  ", "2025-10-01") == "organisation.nameMissing")
    #expect(code("Đảng bộ xã Vĩnh Hòa Hiệp", "2025-10-01") == "organisation.sameName")
    #expect(code("Đảng bộ xã Khác", "2025-08-01") == "organisation.laterChange")
    #expect(code("Đảng bộ xã Khác", "2025-07-01") == "organisation.notExisting")
  }
}
