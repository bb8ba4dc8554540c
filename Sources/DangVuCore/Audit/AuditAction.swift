/// The actions the audit trail names, with what a person reads for them. An action is
/// `family.verb`; a write that records an action not listed here still shows, by its code.
public enum AuditAction {
  /// Known actions and their Vietnamese names, in the order a filter lists them.
  public static let known: [(code: String, nameVi: String)] = [
    ("session.signIn", "Đăng nhập"),
    ("session.signInRefused", "Đăng nhập bị từ chối"),
    ("session.signOut", "Đăng xuất"),
    ("account.add", "Tạo tài khoản"),
    ("account.password", "Đổi mật khẩu"),
    ("account.role", "Đổi vai trò hoặc phạm vi tài khoản"),
    ("account.disable", "Khóa hoặc mở lại tài khoản"),
    ("account.token", "Cấp mã truy cập API"),
    ("account.tokenRevoke", "Thu hồi mã truy cập API"),
    ("organisation.add", "Thêm tổ chức đảng"),
    ("organisation.move", "Chuyển tổ chức đảng sang cấp trên khác"),
    ("organisation.rename", "Đổi tên tổ chức đảng"),
    ("organisation.merge", "Hợp nhất tổ chức đảng"),
    ("organisation.end", "Chấm dứt tổ chức đảng"),
    ("member.add", "Thêm đảng viên"),
    ("member.update", "Sửa thông tin đảng viên"),
    ("member.event", "Ghi sự kiện của đảng viên"),
    ("member.admit", "Kết nạp đảng viên"),
    ("member.arrive", "Tiếp nhận đảng viên từ tỉnh khác"),
    ("member.transferSent", "Giới thiệu chuyển sinh hoạt đảng"),
    ("member.transferReceived", "Tiếp nhận sinh hoạt đảng"),
    ("member.correct", "Sửa sự kiện ghi nhầm của đảng viên"),
    ("evaluation.open", "Mở đợt đánh giá, xếp loại"),
    ("grade.set", "Ghi xếp loại chất lượng"),
    ("grade.advance", "Chuyển bước duyệt xếp loại"),
    ("inspection.add", "Ghi cuộc kiểm tra, giám sát"),
    ("inspection.conclude", "Kết luận cuộc kiểm tra"),
    ("inspection.correct", "Sửa cuộc kiểm tra, giám sát ghi sai"),
    ("programme.set", "Đặt chương trình kiểm tra, giám sát"),
    ("discipline.add", "Ghi quyết định kỷ luật"),
    ("appeal.add", "Ghi giải quyết khiếu nại kỷ luật"),
    ("discipline.appeal", "Ghi giải quyết khiếu nại kỷ luật"),
    ("discipline.correct", "Sửa quyết định kỷ luật ghi sai"),
    ("complaint.add", "Ghi đơn khiếu nại, tố cáo"),
    ("complaint.resolve", "Giải quyết đơn khiếu nại, tố cáo"),
    ("complaint.correct", "Sửa đơn khiếu nại, tố cáo ghi sai"),
    ("import.file", "Nhập tệp dữ liệu"),
    ("plan.set", "Đặt kế hoạch kết nạp"),
    ("target.add", "Thêm chỉ tiêu"),
    ("target.remove", "Xóa chỉ tiêu"),
  ]

  /// Families, for filtering all actions on one kind of record.
  public static let families: [(code: String, nameVi: String)] = [
    ("session", "Phiên đăng nhập"),
    ("account", "Tài khoản"),
    ("organisation", "Tổ chức đảng"),
    ("member", "Đảng viên"),
    ("evaluation", "Đợt đánh giá"),
    ("grade", "Xếp loại chất lượng"),
    ("inspection", "Kiểm tra, giám sát"),
    ("programme", "Chương trình kiểm tra, giám sát"),
    ("discipline", "Kỷ luật"),
    ("appeal", "Khiếu nại kỷ luật"),
    ("complaint", "Khiếu nại, tố cáo"),
    ("import", "Nhập tệp"),
    ("plan", "Kế hoạch kết nạp"),
    ("target", "Chỉ tiêu"),
  ]

  private static let names = Dictionary(known.map { ($0.code, $0.nameVi) }, uniquingKeysWith: { first, _ in first })

  /// The Vietnamese name of an action; an unknown one is shown by its code.
  public static func nameVi(of code: String) -> String {
    names[code] ?? "Thao tác “\(code)”"
  }
}
