import DangVuCore
import Foundation
import Testing

@testable import DangVuStore

/// Every way an oversight file is refused: the whole file, every bad row listed with line and column, and
/// the database (register and oversight records) exactly as before.
@Suite("Import: inspections, discipline, appeals, complaints")
struct OversightImportTests {
  static let inspections = """
    ma_cuoc,loai,co_quan,don_vi,noi_dung,ngay_bat_dau,ngay_ket_luan,doi_tuong,ma_doi_tuong,vi_pham,ket_luan,khac_phuc
    K1,Giám sát chuyên đề,Ủy ban kiểm tra,KG.01,Giám sát việc học tập nghị quyết,01/02/2023,,tổ chức,KG.01.001,,,
    K1,Giám sát chuyên đề,Ủy ban kiểm tra,KG.01,Giám sát việc học tập nghị quyết,01/02/2023,,đảng viên,10000001,,,
    K2,kiểm tra khi có dấu hiệu vi phạm,UBKT,KG.01,Kiểm tra dấu hiệu vi phạm,01/03/2023,30/03/2023,đảng viên,10000002,có,Vi phạm quy định,Kiểm điểm

    """

  static let discipline = """
    so_quyet_dinh,doi_tuong,ma_doi_tuong,hinh_thuc,noi_dung_vi_pham,co_quan,don_vi,ngay_quyet_dinh,ngay_vi_pham
    12-QĐ/UBKT,đảng viên,10000001,Cảnh cáo,những điều đảng viên không được làm | lãng phí,UBKT,KG.01,15/03/2023,01/01/2023

    """

  /// Refuses `file`, checking nothing changed (register, discipline history, the 2023 report's figures).
  func refused(_ kind: ImportFileKind, _ file: String, into store: SQLiteStore) async throws -> [ImportIssue] {
    let before = try await store.oversightReport(period: .year(2023), scope: "KG").figures
    let history = try await store.disciplineHistory(of: .member(1))
    let issues = try await refusedIssues(kind, bytes(file), into: store)
    #expect(try await store.oversightReport(period: .year(2023), scope: "KG").figures == before)
    #expect(try await store.disciplineHistory(of: .member(1)) == history)
    return issues
  }

  @Test func aGoodFileOfEachKindIsWrittenWhole() async throws {
    let store = try await ImportProvince.storeWithMembers()
    #expect(try await ImportFileKind.inspections.importing(bytes(Self.inspections), into: store) == 3)
    #expect(try await ImportFileKind.discipline.importing(bytes(Self.discipline), into: store) == 1)
    let appeals = """
      so_quyet_dinh,ngay_nhan,ngay_giai_quyet,ket_qua,hinh_thuc_moi
      12-QĐ/UBKT,20/03/2023,20/04/2023,thay đổi,khiển trách

      """
    #expect(try await ImportFileKind.appeals.importing(bytes(appeals), into: store) == 1)
    let complaints = """
      loai;doi_tuong;ma_doi_tuong;ngay_nhan;ngay_giai_quyet;ket_luan;noi_dung
      tố cáo;đảng viên;10000001;01/02/2023;01/03/2023;đúng một phần;Đơn tố cáo
      khiếu nại;tổ chức;KG.01.001;05/02/2023;;;

      """
    #expect(try await ImportFileKind.complaints.importing(bytes(complaints), into: store) == 2)
    let report = try await store.oversightReport(period: .quarter(1, of: 2023), scope: "KG")
    #expect(report["oversight.thematic.members"] == 2)
    #expect(report["oversight.supervision.unitsDistinct"] == 1)
    #expect(report["discipline.members.reprimand"] == 0)  // changed in April, after the quarter
    #expect(report["discipline.members.warning"] == 1)
    #expect(report["discipline.members.category.waste"] == 1)
    #expect(report["complaints.all.received"] == 2)
    #expect(report["complaints.all.resolved.partlyCorrect"] == 1)
    let year = try await store.oversightReport(period: .year(2023), scope: "KG")
    #expect(year["discipline.members.reprimand"] == 1)
  }

  @Test func badInspectionRowsAreListedAndNothingIsWritten() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let file = """
      ma_cuoc,loai,co_quan,don_vi,noi_dung,ngay_bat_dau,ngay_ket_luan,doi_tuong,ma_doi_tuong,vi_pham
      K1,Giám sát chuyên đề,Ủy ban kiểm tra,KG.01,Giám sát,01/02/2023,,tổ chức,KG.01.001,
      K1,Giám sát chuyên đề,Ủy ban kiểm tra,KG.01,Giám sát,02/02/2023,,đảng viên,10000001,
      K2,kiểm tra bí mật,UBKT,KG.01,Kiểm tra,01/03/2023,,đảng viên,10000002,
      K3,giám sát thường xuyên,hội đồng,KG.99,Giám sát,31/02/2023,,đảng viên,99999999,có lẽ
      K4,giám sát thường xuyên,cấp ủy,KG.99,Giám sát,01/02/2023,,chi bộ,KG.01,
      K5,giám sát thường xuyên,cấp ủy,KG.01,Giám sát,01/02/2023,,đảng viên,99999999,

      """
    let issues = try await refused(.inspections, file, into: store)
    let text = issues.map(\.description)
    #expect(
      text.contains { $0.hasPrefix("dòng 3, cột ma_cuoc") && $0.contains("các dòng của một cuộc phải giống nhau") })
    #expect(text.contains { $0.hasPrefix("dòng 4, cột loai") })
    #expect(text.contains { $0.hasPrefix("dòng 5, cột co_quan") })
    #expect(text.contains { $0.hasPrefix("dòng 5, cột ngay_bat_dau") })
    #expect(text.contains { $0.hasPrefix("dòng 5, cột vi_pham") })
    #expect(text.contains { $0.hasPrefix("dòng 6, cột doi_tuong") })
    #expect(text.contains { $0.hasPrefix("dòng 7, cột ma_doi_tuong") && $0.contains("99999999") })
  }

  @Test func aRowTheStoreRefusesIsReportedAtItsLine() async throws {
    let store = try await ImportProvince.storeWithMembers()
    // The member was not yet admitted on the day: only the store can tell.
    let file = """
      ma_cuoc,loai,co_quan,don_vi,noi_dung,ngay_bat_dau,doi_tuong,ma_doi_tuong
      K1,giám sát chuyên đề,UBKT,KG.01,Giám sát,01/02/2023,đảng viên,10000001
      K2,giám sát chuyên đề,UBKT,KG.01,Giám sát,01/02/1999,đảng viên,10000001

      """
    let issues = try await refused(.inspections, file, into: store)
    #expect(issues.count == 1)
    #expect(issues[0].line == 3)
    #expect(issues[0].message.contains("không có trong danh sách đảng viên ngày 01/02/1999"))
  }

  @Test func badDisciplineRowsAreListedAndNothingIsWritten() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let file = """
      so_quyet_dinh,doi_tuong,ma_doi_tuong,hinh_thuc,noi_dung_vi_pham,co_quan,don_vi,ngay_quyet_dinh,ngay_vi_pham
      1-QĐ,đảng viên,10000001,khiển trách,tham nhũng,UBKT,KG.01,15/03/2023,01/01/2023
      2-QĐ,đảng viên,10000001,phê bình,tham nhũng,UBKT,KG.01,15/03/2023,01/01/2023
      3-QĐ,đảng viên,10000001,khiển trách,ăn cắp,UBKT,KG.01,15/03/2023,01/01/2023
      4-QĐ,đảng viên,10000001,khiển trách,tham nhũng,UBKT,KG.01,15/03/2023,01/01/2015
      5-QĐ,tổ chức,KG.01.001,khai trừ,tham nhũng,UBKT,KG.01,15/03/2023,01/01/2023
      6-QĐ,đảng viên,10000001,khiển trách,tham nhũng,UBKT,KG.77,15/03/2023,01/01/2023

      """
    let issues = try await refused(.discipline, file, into: store)
    let text = issues.map(\.description)
    #expect(text.contains { $0.hasPrefix("dòng 3, cột hinh_thuc") })
    #expect(text.contains { $0.hasPrefix("dòng 4, cột noi_dung_vi_pham") && $0.contains("ăn cắp") })
    #expect(text.contains { $0.hasPrefix("dòng 5:") && $0.contains("hết thời hiệu 5 năm") })
    #expect(text.contains { $0.hasPrefix("dòng 6:") && $0.contains("chỉ áp dụng với đảng viên") })
    #expect(text.contains { $0.hasPrefix("dòng 7, cột don_vi") })
    #expect(issues.count == 5)
  }

  @Test func aProbationaryMemberExpelledIsRefusedAtItsLine() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let file = """
      so_quyet_dinh,doi_tuong,ma_doi_tuong,hinh_thuc,noi_dung_vi_pham,co_quan,don_vi,ngay_quyet_dinh,ngay_vi_pham
      1-QĐ,đảng viên,10000001,khiển trách,tham nhũng,UBKT,KG.01,15/03/2023,01/01/2023
      2-QĐ,đảng viên,10000002,khai trừ,tham nhũng,UBKT,KG.01,15/03/2023,01/01/2023

      """
    let issues = try await refused(.discipline, file, into: store)
    #expect(issues.map(\.line) == [3])
    #expect(issues[0].message.contains("đảng viên dự bị"))
    #expect(try await store.timeline(ofMember: 2).currentCellID != nil)
  }

  @Test func badAppealsAndComplaintsAreListedAndNothingIsWritten() async throws {
    let store = try await ImportProvince.storeWithMembers()
    _ = try await ImportFileKind.discipline.importing(bytes(Self.discipline), into: store)
    let appeals = """
      so_quyet_dinh,ngay_nhan,ngay_giai_quyet,ket_qua,hinh_thuc_moi
      99-QĐ,20/03/2023,20/04/2023,giữ nguyên,
      12-QĐ/UBKT,20/03/2023,20/04/2023,thay đổi,
      12-QĐ/UBKT,20/03/2023,20/04/2023,bác bỏ,
      12-QĐ/UBKT,20/03/2023,20/04/2023,thay đổi,giải tán

      """
    let appealIssues = try await refused(.appeals, appeals, into: store).map(\.description)
    #expect(appealIssues.contains { $0.hasPrefix("dòng 2, cột so_quyet_dinh") })
    #expect(appealIssues.contains { $0.hasPrefix("dòng 3, cột hinh_thuc_moi") })
    #expect(appealIssues.contains { $0.hasPrefix("dòng 4, cột ket_qua") })
    let storeRefused = try await refused(
      .appeals,
      "so_quyet_dinh,ngay_nhan,ngay_giai_quyet,ket_qua,hinh_thuc_moi\n12-QĐ/UBKT,20/03/2023,20/04/2023,thay đổi,giải tán\n",
      into: store)
    #expect(storeRefused.map(\.line) == [2])

    let complaints = """
      loai,doi_tuong,ma_doi_tuong,ngay_nhan,ngay_giai_quyet,ket_luan
      kiến nghị,đảng viên,10000001,01/02/2023,,
      tố cáo,đảng viên,10000001,01/02/2023,01/01/2023,đúng
      tố cáo,đảng viên,10000001,01/02/2023,01/03/2023,
      tố cáo,đảng viên,10000001,01/02/2023,01/03/2023,chưa rõ
      tố cáo,tổ chức,KG.55,01/02/2023,,

      """
    let complaintIssues = try await refused(.complaints, complaints, into: store).map(\.description)
    #expect(complaintIssues.contains { $0.hasPrefix("dòng 2, cột loai") })
    #expect(complaintIssues.contains { $0.hasPrefix("dòng 3:") && $0.contains("không thể giải quyết trước đó") })
    #expect(complaintIssues.contains { $0.hasPrefix("dòng 4:") && $0.contains("phải có kết luận") })
    #expect(complaintIssues.contains { $0.hasPrefix("dòng 5, cột ket_luan") })
    #expect(complaintIssues.contains { $0.hasPrefix("dòng 6, cột ma_doi_tuong") })
  }

  @Test func aMissingColumnRefusesTheFile() async throws {
    let store = try await ImportProvince.storeWithMembers()
    let issues = try await refused(.complaints, "loai,doi_tuong\ntố cáo,đảng viên\n", into: store)
    #expect(issues.contains { $0.line == 1 && $0.message.contains("ma_doi_tuong") })
  }
}
