import Hummingbird

/// Why a request was refused for who is asking. Outside the subtree answers exactly as a missing
/// record does (404), so a guessed id does not even reveal that the record exists.
enum AccessError: Error, Equatable {
  case signInRequired
  case forbidden
  case notFound
  /// A unit code that does not exist or is outside the subtree; the message names the code typed.
  case unitNotFound(String)

  /// Both kinds of "not here", for callers that turn them into a message beside a field.
  var isNotFound: Bool {
    switch self {
    case .notFound, .unitNotFound: true
    default: false
    }
  }

  var status: HTTPResponse.Status {
    switch self {
    case .signInRequired: .unauthorized
    case .forbidden: .forbidden
    case .notFound, .unitNotFound: .notFound
    }
  }

  var code: String {
    switch self {
    case .signInRequired: "auth.signInRequired"
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
    }
  }
}
