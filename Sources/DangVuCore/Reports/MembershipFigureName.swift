/// The Vietnamese name of each figure of `MembershipReportCSV`, for the report page and the Word document.
public enum MembershipFigureName {
  public static func of(_ key: String) -> String {
    if key.hasPrefix("age:") { return "Tuổi " + key.dropFirst(4) }
    if key.hasPrefix("education:") { return "Trình độ: " + key.dropFirst(10) }
    return names[key] ?? key
  }

  static let names = [
    "admitted": "Kết nạp đảng viên", "admissionPlan": "Kế hoạch kết nạp năm",
    "madeOfficial": "Công nhận đảng viên chính thức", "notRecognised": "Không công nhận đảng viên chính thức",
    "struckOff": "Xóa tên", "askedToLeave": "Cho ra khỏi Đảng",
    "unqualifiedRemoved": "Đưa đảng viên không đủ tư cách ra khỏi Đảng", "expelled": "Khai trừ", "died": "Từ trần",
    "transfersIn": "Chuyển sinh hoạt đến", "transfersInFromOutside": "trong đó từ ngoài tỉnh",
    "transfersOut": "Chuyển sinh hoạt đi", "transfersOutToOutside": "trong đó ra ngoài tỉnh",
    "exempted": "Được miễn công tác và sinh hoạt đảng trong kỳ", "restored": "Trở lại sinh hoạt đảng",
    "members": "Tổng số đảng viên cuối kỳ", "official": "Đảng viên chính thức", "probationary": "Đảng viên dự bị",
    "exempt": "Đang miễn công tác và sinh hoạt đảng", "inTransit": "Đang chuyển sinh hoạt đảng",
    "women": "Đảng viên nữ", "ethnicMinority": "Dân tộc thiểu số", "religious": "Có đạo",
  ]
}
