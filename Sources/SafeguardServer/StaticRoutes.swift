import Hummingbird

/// The stylesheet and the health check: the only routes that do not render a page.
struct StaticRoutes {
    func register(on router: Router<ServerRequestContext>) {
        router.get("/static/site.css") { _, _ in
            let buffer = ByteBuffer(string: Stylesheet.css)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600",
                    .contentLength: String(buffer.readableBytes),
                ],
                body: .init(byteBuffer: buffer))
        }
        router.get("/healthz") { _, _ in "ok" }
    }
}
