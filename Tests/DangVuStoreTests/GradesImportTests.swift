import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

@Suite("Import: a year's grades")
struct GradesImportTests {
  func store(_ engine: Engine) async throws -> any PartyStore {
    let store = try engine.makeStore()
    let ids = try await SmallProvince.load(into: store)
    try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Nguyễn Văn An", card: "10000001"),
        events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")]),
      NewMember(
        member: SmallProvince.member("Trần Thị Bình", card: "10000002"),
        events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2012-01-01")]),
    ])
    try await store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-15"))
    return store
  }

  @Test(arguments: Engine.allCases)
  func recordsEveryKindOfSubjectFromVietnameseWords(engine: Engine) async throws {
    let store = try await store(engine)
    let file = """
      Đối tượng;Mã;Xếp loại;Lý do;Nghỉ ốm tháng
      đảng viên;10000001;Hoàn thành xuất sắc nhiệm vụ;;
      Đảng viên;10000002;chưa đánh giá;đang giải quyết khiếu nại;
      tổ chức;KG.01.001.01;tốt;;
      """
    let recorded = try await GradesFile.importing(Array(file.utf8), year: 2023, into: store)
    #expect(recorded.map(\.outcome) == [.graded(.excellent), .notEvaluated(.pendingComplaint), .graded(.good)])
    let report = try await store.evaluationReport(year: 2023, scope: "KG")
    #expect(report.members.counts.excellent == 1)
    #expect(report.organisations.counts.good == 1)
  }

  @Test(arguments: Engine.allCases)
  func aBadRowRefusesTheWholeFileWithItsLine(engine: Engine) async throws {
    let store = try await store(engine)
    let file = """
      doi_tuong,ma,xep_loai,nghi_om_thang
      dang vien,10000001,tot,
      dang vien,99999999,tot,
      dang vien,10000002,tuyệt vời,
      dang vien,10000001,tot,
      to chuc,KG.01.001.02,tot,4
      """
    do {
      _ = try await GradesFile.importing(Array(file.utf8), year: 2023, into: store)
      Issue.record("a bad file was accepted")
    } catch let error as ImportError {
      #expect(error.issues.map(\.line) == [3, 4, 5])
      #expect(error.issues[1].column == "xep_loai")
    }
    // A grade the rules refuse (four months of sick leave, graded good) is reported at its line too.
    let ruled = """
      doi_tuong,ma,xep_loai,nghi_om_thang
      dang vien,10000001,tot,
      dang vien,10000002,tot,4
      """
    do {
      _ = try await GradesFile.importing(Array(ruled.utf8), year: 2023, into: store)
      Issue.record("a refused grade was accepted")
    } catch let error as ImportError {
      #expect(error.issues.map(\.line) == [3])
      #expect(error.issues[0].message.contains("nghỉ ốm"))
    }
    #expect(try await store.evaluationReport(year: 2023, scope: "KG").members.counts.total == 0)
  }
}
