import Foundation
import Hummingbird

/// Any encodable value as a JSON response with a status, sorted keys so outputs compare in tests.
struct JSONResponse<Value: Encodable>: ResponseGenerator {
  var value: Value
  var status: HTTPResponse.Status = .ok

  init(_ value: Value, status: HTTPResponse.Status = .ok) {
    self.value = value
    self.status = status
  }

  func response(from request: Request, context: some RequestContext) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
  }
}
