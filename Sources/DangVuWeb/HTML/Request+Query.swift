import DangVuCore
import Foundation
import Hummingbird

extension Request {
  /// A value of the query as a browser's GET form sends it: `+` is a space, then percent-decoding.
  /// (The framework's query parameters leave `+` alone, and "nguyen+van" must find "Nguyễn Văn".)
  func queryValue(_ name: String) -> String? {
    guard let pair = queryPairs.first(where: { $0.name == name }) else { return nil }
    return pair.value.map(decodeForm) ?? ""
  }

  /// The query's pairs in order, names decoded as a form's (nil when one does not decode) and values left as
  /// sent (nil for a name without `=`), to be decoded only when asked for.
  private var queryPairs: LazyMapSequence<[Substring], (name: String?, value: Substring?)> {
    (uri.query?.split(separator: "&") ?? []).lazy.map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      return (decodeForm(parts[0]), parts.count > 1 ? parts[1] : nil)
    }
  }

  /// A request of the JSON API, which reads its parameters strictly.
  var isAPI: Bool { uri.path.hasPrefix("/api/") }

  /// The first name the query carries more than once, if any. Each parameter of the API has one value; a
  /// second would be silently ignored.
  var repeatedQueryName: String? {
    var seen = Set<String>()
    return queryPairs.lazy.map { $0.name ?? "" }.first { !seen.insert($0).inserted }
  }

  private func decodeForm(_ text: Substring) -> String? {
    // Names and most values (`to-chuc=KG`, `nam=2023`) need no decoding: Foundation's replacing and
    // percent-decoding cost a few percent of a page's time (perf), so plain text passes through whole.
    guard text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else {
      return String(text)
    }
    return text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
  }

  /// A whole number of the query within `range` (a page size, a count), nil when not given; anything else is
  /// refused with what is allowed rather than quietly changed, so a caller sees its mistake.
  /// A page's form sends its empty fields (`so-dong=` for "the default"); a program calling the API that sends
  /// `limit=` made a mistake and hears so.
  func queryNumber<Number: FixedWidthInteger>(_ name: String, in range: ClosedRange<Number>) throws -> Number? {
    guard let text = queryValue(name), !(text.isEmpty && !isAPI) else { return nil }
    guard let number = Number(text), range.contains(number) else {
      throw PageError(
        status: .badRequest, title: "Số không hợp lệ",
        message: "“\(text)” không hợp lệ cho \(name): hãy ghi một số từ \(range.lowerBound) đến \(range.upperBound).",
        code: "query.number")
    }
    return number
  }

  /// The date a page is looked at: `?ngay=2023-12-31` (or `31/12/2023`), `today` without it.
  /// The API names the same parameter `date`.
  func requestedDay(name: String = "ngay", today: Day) throws -> Day {
    guard let text = queryValue(name), !text.isEmpty else { return today }
    guard let day = Day(parsing: text) else {
      throw PageError(
        status: .badRequest, title: "Ngày không hợp lệ",
        message: "Ngày “\(text)” không hợp lệ. Hãy nhập ngày dạng 31/12/2023 hoặc 2023-12-31.", code: "date.invalid")
    }
    return day
  }
}
