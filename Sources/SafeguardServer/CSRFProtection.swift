import SafeguardCore
import Crypto
import Hummingbird

/// CSRF protection for every form: a random cookie (`HttpOnly`, `SameSite=Strict`) and, in each
/// form, a hidden token that is the HMAC of that cookie. A post whose token does not match its
/// cookie (another site's form, a missing or stale cookie) is refused with 403. Stateless: the
/// server keeps nothing per visitor.
struct CSRFProtection: Sendable {
    static let cookieName = "sg_csrf"
    static let fieldName = "csrf"

    let keys: IntakeKeys
    let secureCookies: Bool

    /// The cookie value a request already carries, when it is well-formed.
    func cookie(of request: Request) -> String? {
        guard let value = request.cookies[Self.cookieName]?.value, value.utf8.count == 26, Base32.isCanonical(value)
        else { return nil }
        return value
    }

    /// The cookie to use for a page with a form (the request's, or a new one) and the header that
    /// sets it when new.
    func issue(for request: Request) -> (token: String, headers: HTTPFields) {
        if let existing = self.cookie(of: request) {
            return (self.keys.csrfToken(forCookie: existing), [:])
        }
        let value = Base32.encode(RandomBytes.make(16))
        let cookie = Cookie(
            name: Self.cookieName, value: value, path: "/", secure: self.secureCookies, httpOnly: true,
            sameSite: .strict)
        return (self.keys.csrfToken(forCookie: value), [.setCookie: cookie.description])
    }

    /// `issue(for:)` and `verify(_:form:)` together with one HMAC: the token for the page sent
    /// back, its cookie header when new, and whether the posted form carried the right token.
    func check(_ request: Request, form: FormBody) -> (valid: Bool, token: String, headers: HTTPFields) {
        guard let cookie = self.cookie(of: request) else {
            let (token, headers) = self.issue(for: request)
            return (false, token, headers)
        }
        let expected = self.keys.csrfToken(forCookie: cookie)
        guard let sent = form.first(Self.fieldName) else { return (false, expected, [:]) }
        return (Array(expected.utf8).constantTimeEquals(Array(sent.utf8)), expected, [:])
    }

    /// Whether a posted form's token matches the request's cookie (constant-time comparison).
    func verify(_ request: Request, form: FormBody) -> Bool {
        guard let cookie = self.cookie(of: request), let token = form.first(Self.fieldName) else { return false }
        let expected = self.keys.csrfToken(forCookie: cookie)
        return Array(expected.utf8).constantTimeEquals(Array(token.utf8))
    }

    /// Whether a token sent another way (a multipart form's field) matches the request's cookie.
    func verify(_ request: Request, token: String?) -> Bool {
        guard let cookie = self.cookie(of: request), let token else { return false }
        let expected = self.keys.csrfToken(forCookie: cookie)
        return Array(expected.utf8).constantTimeEquals(Array(token.utf8))
    }

    /// The hidden field carrying `token`.
    static func field(_ token: String) -> String {
        "<input type=\"hidden\" name=\"\(Self.fieldName)\" value=\"\(HTML.escape(token))\">"
    }
}

extension Array where Element == UInt8 {
    /// Equal bytes, compared without an early exit.
    func constantTimeEquals(_ other: [UInt8]) -> Bool {
        guard self.count == other.count else { return false }
        var difference: UInt8 = 0
        for index in self.indices { difference |= self[index] ^ other[index] }
        return difference == 0
    }
}
