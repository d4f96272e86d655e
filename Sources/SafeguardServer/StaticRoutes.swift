import Foundation
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
        // Browsers ask for it on every site; without it each page logs a 404 in the console.
        router.get("/favicon.ico") { _, _ in
            let buffer = ByteBuffer(bytes: Self.favicon)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "image/png", .cacheControl: "public, max-age=86400",
                    .contentLength: String(buffer.readableBytes),
                ],
                body: .init(byteBuffer: buffer))
        }
    }
}

extension StaticRoutes {
    /// A 16×16 PNG: a yellow square on the header's near-black.
    static let favicon: [UInt8] = Array(
        Data(
            base64Encoded:
                "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAHklEQVR42mPg5uEhCTEMcg3/7zJgRaMa6KthiKYlALkSkUHy8VqxAAAAAElFTkSuQmCC"
        ) ?? Data())
}
