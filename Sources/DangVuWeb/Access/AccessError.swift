import Foundation
import Hummingbird

/// Why a request was refused for who is asking. Outside the subtree answers exactly as a missing
/// record does (404), so a guessed id does not even reveal that the record exists.
enum AccessError: Error, Equatable {
  case signInRequired
  case forbidden
  case notFound
  /// A unit code that does not exist or is outside the subtree; the message names the code typed.
  case unitNotFound(String)
  /// An API token past its expiry, or revoked (by its owner, an administrator, or a new password).
  case tokenExpired(at: Date)
  case tokenRevoked

  /// Both kinds of "not here", for callers that turn them into a message beside a field.
  var isNotFound: Bool {
    switch self {
    case .notFound, .unitNotFound: true
    default: false
    }
  }

  var status: HTTPResponse.Status {
    switch self {
    case .signInRequired, .tokenExpired, .tokenRevoked: .unauthorized
    case .forbidden: .forbidden
    case .notFound, .unitNotFound: .notFound
    }
  }

  var code: String {
    switch self {
    case .signInRequired: "auth.signInRequired"
    case .tokenExpired: "auth.tokenExpired"
    case .tokenRevoked: "auth.tokenRevoked"
    case .forbidden: "auth.forbidden"
    case .notFound: "notFound"
    case .unitNotFound: "organisation.notFound"
    }
  }

  var message: String {
    switch self {
    case .signInRequired: "Bạn cần đăng nhập để xem trang này."
    case .forbidden: "Vai trò của bạn không được phép làm việc này. Hãy liên hệ quản trị hệ thống nếu cần."
    case .notFound: "Không tìm thấy hồ sơ này trong phạm vi của bạn."
    case .unitNotFound(let code):
      "Không có tổ chức đảng nào mang mã “\(code)” trong phạm vi của bạn. Hãy kiểm tra lại mã, hoặc tìm từ trang cây tổ chức."
    // Integrations are often written by people who read English: both languages, the Vietnamese first.
    case .tokenExpired(let at):
      "Mã truy cập API đã hết hạn từ \(ISO8601DateFormatter().string(from: at)). Hãy tạo mã mới ở trang “Mã truy cập API” "
        + "hoặc nhờ quản trị hệ thống cấp (dangvu user token). "
        + "(The API token expired; issue a new one on the API tokens page or ask the administrator.)"
    case .tokenRevoked:
      "Mã truy cập API đã bị thu hồi (bởi chủ tài khoản, quản trị hệ thống, hoặc do đặt lại mật khẩu). "
        + "Hãy tạo mã mới ở trang “Mã truy cập API” hoặc nhờ quản trị hệ thống cấp. "
        + "(The API token was revoked; issue a new one or ask the administrator.)"
    }
  }
}
