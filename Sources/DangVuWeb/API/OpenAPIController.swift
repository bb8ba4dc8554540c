import Foundation
import Hummingbird

/// `GET /openapi.yaml`: the API's description as kept in the repository, served as it is.
struct OpenAPIController<Context: RequestContext> {
  static var document: String {
    get throws {
      guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
        throw PageError(
          status: .internalServerError, title: "Thiếu tài liệu API",
          message: "Bản mô tả API (openapi.yaml) không có trong bản cài đặt này.")
      }
      return try String(contentsOf: url, encoding: .utf8)
    }
  }

  func addRoutes(to router: Router<Context>) {
    router.get("openapi.yaml") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(string: try Self.document)))
    }
  }
}
