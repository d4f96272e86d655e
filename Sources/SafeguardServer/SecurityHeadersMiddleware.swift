import HTTPTypes
import Hummingbird

/// Adds the security headers to every response, error pages included: a strict
/// Content-Security-Policy (same-origin styles only, no scripts, no frames, forms post only
/// here), no referrer, no sniffing, no caching of pages that may hold a report.
///
/// Errors thrown by a route are turned into a plain page here, so a stack trace or a value a
/// reporter typed never reaches the response, and nothing about the request is logged.
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The Content-Security-Policy sent with every response.
    public static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'"
    }

    /// Creates the middleware.
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            context.logger.error("internal error", metadata: ["type": "\(type(of: error))"])
            response = Response(
                status: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "Something went wrong on our side. Please try again.")))
        }
        Self.apply(to: &response.headers)
        return response
    }

    /// Sets the security headers on `headers`.
    static func apply(to headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        headers[HTTPField.Name("Cross-Origin-Resource-Policy")!] = "same-origin"
        headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        headers[.strictTransportSecurity] = "max-age=31536000"
        if headers[.cacheControl] == nil {
            headers[.cacheControl] = "no-store"
        }
    }
}
