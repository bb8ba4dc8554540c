extension GradeOutcome {
  /// Reads a grade as staff write it: code names ("good", "notEvaluated.tooNew") or Vietnamese words with or
  /// without marks ("tốt", "hoàn thành xuất sắc", "khong hoan thanh", "chưa đánh giá").
  public init?(parsing text: String) {
    if let exact = GradeOutcome(code: text) {
      self = exact
      return
    }
    let words = SearchFolding.words(text).joined(separator: " ")
    if words.hasPrefix("chua danh gia") {
      self = .notEvaluated(.other)
    } else if words.contains("khong hoan thanh") || words == "not complete" || words == "notcomplete" {
      self = .graded(.notComplete)
    } else if words.contains("xuat sac") {
      self = .graded(.excellent)
    } else if words.contains("tot") {
      self = .graded(.good)
    } else if words.hasPrefix("hoan thanh") || words == "complete" {
      self = .graded(.complete)
    } else {
      return nil
    }
  }
}
