import Foundation
import Hummingbird

/// The body of every error the JSON API returns: a machine-readable code and a Vietnamese message.
/// `details` carries what a client needs to recover, such as the newer record of a stale edit.
struct APIError: Encodable {
  struct Body: Encodable {
    var code: String
    var message: String
  }
  var error: Body

  static func response(
    status: HTTPResponse.Status, code: String, message: String, details: (any Encodable)? = nil
  ) -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var data = (try? encoder.encode(APIError(error: Body(code: code, message: message)))) ?? Data("{}".utf8)
    if let details, let extra = try? encoder.encode(AnyEncodable(details)) {
      // {"error":{…}} + "details": …, without decoding back.
      data.removeLast()
      data.append(contentsOf: Array(",\"details\":".utf8))
      data.append(extra)
      data.append(UInt8(ascii: "}"))
    }
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }
}

private struct AnyEncodable: Encodable {
  let value: any Encodable
  init(_ value: any Encodable) { self.value = value }
  func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
