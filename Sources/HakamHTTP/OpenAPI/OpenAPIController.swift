import Hummingbird

/// `GET /openapi.yaml`: the API as OpenAPI 3 (DESIGN.md §3). A test keeps it equal to the router's routes.
struct OpenAPIController {
    func addRoutes(to router: Router<HakamRequestContext>) {
        router.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
    }
}
