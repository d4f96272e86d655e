import Hummingbird

extension HTMLPage {
    /// The page as a response, for routes that answer with either a page or a redirect.
    func plainResponse() -> Response {
        let buffer = ByteBuffer(string: self.html)
        var headers = self.headers
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: self.status, headers: headers, body: .init(byteBuffer: buffer))
    }
}
