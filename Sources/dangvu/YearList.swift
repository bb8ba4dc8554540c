import DangVuCore
import Foundation

/// "2022,2023,2024" on the command line; an empty text is no years.
enum YearList {
  static func parse(_ text: String, option: String) throws -> [Int] {
    try text.split(separator: ",").map { part in
      guard let year = Int(part.trimmingCharacters(in: .whitespaces)), (2000...2100).contains(year) else {
        throw DomainError("demo.badYear", "\(option): \"\(part)\" không phải năm hợp lệ (ví dụ 2022,2023,2024).")
      }
      return year
    }
  }
}
