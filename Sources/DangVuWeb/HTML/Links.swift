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

  /// Where a person lands after signing in: a member on their own record, everyone else on the tree.
  static func home(for principal: Principal) -> String {
    if principal.role.ownRecordOnly, let id = principal.memberID { return "/dang-vien/\(id)" }
    return home()
  }

  /// The sign-in page, bringing the person back to `next` (a path on this site) afterwards.
  static func signIn(next: String? = nil) -> String {
    guard let next, isLocalPath(next) else { return "/dang-nhap" }
    return "/dang-nhap?tiep=" + encode(next, allowed: queryAllowed)
  }

  /// A path on this site: one slash then not another, nor a backslash, which browsers read as a slash
  /// ("/\\evil.example" would leave the site). Only visible ASCII: browsers drop tabs and line breaks
  /// from an address, so "/\t/evil.example" would become "//evil.example" (a path of this site arrives
  /// percent-encoded, so nothing real is lost).
  static func isLocalPath(_ path: String) -> Bool {
    path.hasPrefix("/") && !path.hasPrefix("//") && !path.hasPrefix("/\\")
      && path.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) }
  }

  // Feature files add their own addresses in `Links+Feature.swift`, with these encoders.

  /// Links keep the date being looked at; the pages pass none for today, which needs no parameter
  /// (`TreePageModel.linkDay`).
  static func dateQuery(_ day: Day?, first: Bool) -> String {
    guard let day else { return "" }
    return (first ? "?" : "&") + "ngay=" + day.iso
  }

  static func encode(_ text: String, allowed: CharacterSet) -> String {
    // Unit codes and ids are ASCII letters, digits and ".-_~", which both sets below allow, so they need
    // no encoding: a page has dozens of links, and Foundation's encoder was a thirtieth of its time.
    if text.utf8.allSatisfy(isUnreserved) { return text }
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }

  private static func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
      UInt8(ascii: "~"):
      true
    default: false
    }
  }

  static let pathAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#;"))
  static let queryAllowed = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
