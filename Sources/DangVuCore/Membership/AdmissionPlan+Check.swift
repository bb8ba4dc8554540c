extension AdmissionPlan {
  /// Refuses a plan no engine stores: a negative figure, or a year outside the Party's history and this system's.
  public static func check(planned: Int, year: Int, unitCode: String) throws {
    guard planned >= 0 else {
      throw DomainError("plan.negative", "Chỉ tiêu kết nạp năm \(year) của \(unitCode) không thể âm (\(planned)).")
    }
    guard (1930...2200).contains(year) else {
      throw DomainError("plan.year", "Năm \(year) của chỉ tiêu kết nạp không hợp lệ.")
    }
  }
}
