import DangVuCore
import Foundation

/// Every address the pages link to, built in one place so codes and queries are always encoded.
enum Links {
  static func home(day: Day? = nil) -> String { "/" + dateQuery(day, first: true) }

  static func unit(_ code: String, day: Day? = nil) -> String {
    "/to-chuc/" + encode(code, allowed: pathAllowed) + dateQuery(day, first: true)
  }

  static func search(_ text: String, within code: String? = nil) -> String {
    var out = "/tim-kiem?q=" + encode(text, allowed: queryAllowed)
    if let code { out += "&trong=" + encode(code, allowed: queryAllowed) }
    return out
  }

  /// Links keep the date being looked at, but today needs no parameter.
  private static func dateQuery(_ day: Day?, first: Bool) -> String {
    guard let day, day != Day.today else { return "" }
    return (first ? "?" : "&") + "ngay=" + day.iso
  }

  private static func encode(_ text: String, allowed: CharacterSet) -> String {
    text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }

  private static let pathAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#;"))
  private static let queryAllowed = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
