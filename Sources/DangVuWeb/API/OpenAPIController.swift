import Hummingbird

/// `GET /openapi.yaml`: the API's description as kept in the repository, served as it is. The build
/// compiles the file into the binary (`embedInCode` in Package.swift), so no installed file can be missing.
struct OpenAPIController<Context: RequestContext> {
  static var document: String { String(decoding: PackageResources.openapi_yaml, as: UTF8.self) }

  func addRoutes(to router: Router<Context>) {
    router.get("openapi.yaml") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(string: Self.document)))
    }
  }
}
