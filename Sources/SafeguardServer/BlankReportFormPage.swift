import Foundation
import Hummingbird
import SafeguardCore

/// The empty report form, rendered once when the server starts: every visitor's `GET /report`
/// gets the same page but for the CSRF token, so only the token is written per request.
///
/// A profile of the load test showed rendering the form (about 7 kB of HTML built from labels,
/// escaping each one) taking a tenth of the server's time; a form with errors or typed answers
/// is still rendered in full by `ReportFormPage`.
struct BlankReportFormPage: Sendable {
    /// The page before and after the token, as UTF-8.
    private let head: [UInt8]
    private let tail: [UInt8]

    /// Stands for the token while rendering: Base32 tokens never contain lower-case letters.
    private static let marker = "csrf-token-goes-here"

    /// Renders the blank form in the layout of `services`.
    init(services: ServerServices) {
        let page = PublicRoutes(services: services).formPage(
            ReportForm(), problems: [:], token: Self.marker, headers: [:])
        let html = page.html
        let range = html.range(of: Self.marker)!
        self.head = Array(html[..<range.lowerBound].utf8)
        self.tail = Array(html[range.upperBound...].utf8)
        precondition(html.range(of: Self.marker, range: range.upperBound..<html.endIndex) == nil)
    }

    /// The page with `token` (a Base32 CSRF token: nothing to escape) and `headers` (the cookie).
    func response(token: String, headers: HTTPFields) -> Response {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(self.head.count + token.utf8.count + self.tail.count)
        buffer.writeBytes(self.head)
        buffer.writeString(HTML.escape(token))
        buffer.writeBytes(self.tail)
        var headers = headers
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: buffer))
    }
}
