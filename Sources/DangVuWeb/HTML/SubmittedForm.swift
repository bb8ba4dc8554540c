import Foundation
import Hummingbird

/// The body of a submitted form (urlencoded) or of a JSON request, read once with `body.collect`, which also
/// works when a middleware (the CSRF check) has already collected the body into one buffer.
struct SubmittedForm: Sendable {
  /// Forms and member records are small; anything larger is not a person typing.
  static let limit = 1 << 20

  let text: String

  init(_ request: Request) async throws {
    text = String(buffer: try await request.body.collect(upTo: Self.limit))
  }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    do {
      return try URLEncodedFormDecoder().decode(T.self, from: text)
    } catch {
      throw PageError(
        status: .badRequest, title: "Biểu mẫu không hợp lệ",
        message: "Không đọc được dữ liệu biểu mẫu gửi lên. Hãy mở lại trang và nhập lại.")
    }
  }

  /// The version a form was made from (its hidden `version` field).
  func version() throws -> Int {
    struct Field: Decodable { var version: String? }
    guard let text = try decode(Field.self).version, let version = Int(text) else {
      throw PageError(
        status: .badRequest, title: "Biểu mẫu không hợp lệ",
        message: "Biểu mẫu thiếu phiên bản của hồ sơ. Hãy mở lại trang, nhập lại và lưu.")
    }
    return version
  }
}

/// A JSON body, read once and decoded as one or more types; a malformed one is a `DecodingError`, which the
/// error middleware answers with 400.
struct SubmittedJSON: Sendable {
  let data: Data

  init(_ request: Request) async throws {
    data = Data(try await request.body.collect(upTo: SubmittedForm.limit).readableBytesView)
  }

  func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(T.self, from: data) }
}
