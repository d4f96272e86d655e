import SafeguardCore
import Hummingbird

/// A whole HTML page in the shared layout: header with the authority's name, the main content,
/// the emergency line in the footer. No scripts; one same-origin stylesheet.
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

    /// The full document.
    public var html: String {
        """
        <!doctype html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>\(HTML.escape(self.title)) – \(HTML.escape(self.authorityName))</title>
        <link rel="stylesheet" href="/static/site.css">
        </head>
        <body>
        <a class="skip" href="#main">Skip to main content</a>
        <header><p class="service">\(HTML.escape(self.authorityName)) · Safeguarding reports</p></header>
        <main id="main">
        \(self.body)
        </main>
        <footer><p>If a child is in danger now, call <strong>999</strong>.</p></footer>
        </body>
        </html>
        """
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let buffer = ByteBuffer(string: self.html)
        var headers = self.headers
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: self.status, headers: headers, body: .init(byteBuffer: buffer))
    }
}
