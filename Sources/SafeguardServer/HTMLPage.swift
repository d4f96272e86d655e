import SafeguardCore
import Hummingbird

/// A whole HTML page in the shared layout (`Templates/layout.mustache`): header with the
/// authority's name, the main content, the emergency line in the footer. No scripts; one
/// same-origin stylesheet.
public struct HTMLPage: ResponseGenerator, Sendable {
    /// The page title (escaped here).
    public var title: String
    /// The main content, already escaped HTML.
    public var body: String
    /// The authority named in the header (escaped here).
    public var authorityName: String
    /// The status to send.
    public var status: HTTPResponse.Status
    /// Headers to add (cookies, for instance).
    public var headers: HTTPFields

    /// Creates a page.
    public init(
        title: String, body: String, authorityName: String, status: HTTPResponse.Status = .ok,
        headers: HTTPFields = [:]
    ) {
        self.title = title
        self.body = body
        self.authorityName = authorityName
        self.status = status
        self.headers = headers
    }

    /// The full document: the `layout` template around `body`.
    public var html: String {
        PageTemplates.render("layout", ["title": self.title, "authorityName": self.authorityName, "body": self.body])
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let buffer = ByteBuffer(string: self.html)
        var headers = self.headers
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: self.status, headers: headers, body: .init(byteBuffer: buffer))
    }
}
