import Foundation
import Hummingbird
import MultipartKit

/// A form with a file (`multipart/form-data`), read whole: its text fields, and the file with the name the
/// browser gave it. Read by the CSRF check and then by the handler from the one collected body.
struct UploadedForm: Sendable {
  /// The largest file a page or the API accepts: a province's members workbook is a few megabytes, its CSV
  /// file about 20; anything far larger is not a register.
  static let limit = 64 << 20

  var fields: [String: String] = [:]
  var file: (name: String, bytes: [UInt8])?

  /// Whether a request carries such a form.
  static func isMultipart(_ request: Request) -> Bool {
    request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true
  }

  init(_ request: Request) async throws {
    guard let type = request.headers[.contentType], let boundary = Self.boundary(of: type) else {
      throw Self.unreadable
    }
    let body = try await request.body.collect(upTo: Self.limit)
    try self.init(body, boundary: boundary)
  }

  init(_ body: ByteBuffer, boundary: String) throws {
    let parser = MultipartParser(boundary: boundary)
    var parts: [MultipartPart] = []
    var headers = HTTPHeaders()
    var content = ByteBuffer()
    parser.onHeader = { name, value in headers.add(name: name, value: value) }
    parser.onBody = { chunk in content.writeBuffer(&chunk) }
    parser.onPartComplete = {
      parts.append(MultipartPart(headers: headers, body: content))
      headers = HTTPHeaders()
      content = ByteBuffer()
    }
    do {
      try parser.execute(body)
    } catch {
      throw Self.unreadable
    }
    for part in parts {
      guard let name = part.name else { continue }
      let disposition = part.headers.first(name: "Content-Disposition") ?? ""
      if let fileName = Self.parameter("filename", in: disposition) {
        // A file input left empty still sends a part, with no name and no bytes.
        if !fileName.isEmpty || part.body.readableBytes > 0 {
          file = (fileName, Array(part.body.readableBytesView))
        }
      } else {
        fields[name] = String(buffer: part.body)
      }
    }
  }

  /// `boundary=…` of a `multipart/form-data; boundary=…` content type.
  static func boundary(of contentType: String) -> String? {
    parameter("boundary", in: contentType).flatMap { $0.isEmpty ? nil : $0 }
  }

  /// A `key=value` or `key="value"` parameter of a header value (`filename` of a Content-Disposition).
  static func parameter(_ key: String, in header: String) -> String? {
    for item in header.split(separator: ";") {
      let pair = item.split(separator: "=", maxSplits: 1)
      guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
      var value = pair[1].trimmingCharacters(in: .whitespaces)
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
      // Browsers write a quote in a file name as %22.
      return value.replacingOccurrences(of: "%22", with: "\"")
    }
    return nil
  }

  private static let unreadable = PageError(
    status: .badRequest, title: "Không đọc được tệp gửi lên",
    message: "Không đọc được biểu mẫu gửi lên. Hãy chọn lại tệp rồi gửi lại.", code: "upload.unreadable")
}
