import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
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

  /// Under 366-QĐ/TW (2025 on) a row gives its score sheet: the framework (the subject's usual one when empty), the
  /// points of the two criterion groups, and for excellent the tasks on time and the share beyond; `diem`, the
  /// total, must add up. A bad sheet refuses the file at its line; nothing is written.
  @Test(arguments: Engine.allCases)
  func underRegulation366ARowGivesItsScoreSheet(engine: Engine) async throws {
    let store = try await store(engine)
    try await store.openEvaluationCycle(scope: "KG", year: 2025, evaluationDate: day("2025-12-15"))
    let bad = """
      doi_tuong,ma,xep_loai,khung,diem_chung,diem_nhiem_vu,dung_han,vuot_yeu_cau,diem
      đảng viên,10000001,xuất sắc,,29,65,không,40,
      đảng viên,10000002,tốt,,25,,,,
      tổ chức,KG.01.001.01,tốt,,25,60,,,80
      đảng viên,10000001,tốt,bốn tốt,25,60,,,
      """
    do {
      _ = try await GradesFile.importing(Array(bad.utf8), year: 2025, into: store)
      Issue.record("a bad file was accepted")
    } catch let error as ImportError {
      // The file's own columns first: a total that does not add up, a framework nobody knows.
      #expect(error.issues.map(\.line) == [4, 5])
      #expect(error.issues[0].column == "diem" && error.issues[0].message.contains("tổng 80 khác"))
      #expect(error.issues[1].column == "khung")
    }
    let ruled = """
      doi_tuong,ma,xep_loai,khung,diem_chung,diem_nhiem_vu,dung_han,vuot_yeu_cau
      đảng viên,10000001,xuất sắc,,29,65,không,40
      đảng viên,10000002,tốt,,25,,,
      """
    do {
      _ = try await GradesFile.importing(Array(ruled.utf8), year: 2025, into: store)
      Issue.record("a refused sheet was accepted")
    } catch let error as ImportError {
      #expect(error.issues.map(\.line).first == 2)
      #expect(error.issues[0].message.contains("chưa hoàn thành đúng hạn tất cả nhiệm vụ"))
    }
    #expect(try await store.evaluationReport(year: 2025, scope: "KG").members.counts.total == 0)
    let good = """
      Đối tượng;Mã;Xếp loại;Khung;Điểm chung;Điểm nhiệm vụ;Đúng hạn;Vượt yêu cầu;Điểm
      đảng viên;10000001;xuất sắc;;29;65;có;40;94
      đảng viên;10000002;;ngoài hệ thống chính trị;20;45;;;
      tổ chức;KG.01.001.01;tốt;tập thể;25;60;có;10;
      """
    // A grade left empty is refused: the file names the grade, the sheet checks it.
    do {
      _ = try await GradesFile.importing(Array(good.utf8), year: 2025, into: store)
      Issue.record("a row without a grade was accepted")
    } catch let error as ImportError {
      #expect(error.issues.map(\.line) == [3])
    }
    let recorded = try await GradesFile.importing(
      Array(good.replacingOccurrences(of: "10000002;;", with: "10000002;hoàn thành;").utf8), year: 2025, into: store)
    #expect(recorded.map(\.score) == [94, 65, 85])
    #expect(recorded.map(\.sheet?.framework) == [.memberWithoutPost, .memberOutsidePoliticalSystem, .collective])
    #expect(recorded[0].sheet?.allTasksOnTime == true && recorded[0].sheet?.beyondRequirementPercent == 40)
  }
}
