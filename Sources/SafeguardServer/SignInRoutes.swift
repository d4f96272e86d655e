import SafeguardCore
import Foundation
import Hummingbird

/// `/officer/sign-in` and `/officer/sign-out`: a CSRF-protected form, the same answer for a wrong
/// name and a wrong password, a slow-down on each failure and a lock-out after several.
struct SignInRoutes {
    let services: ServerServices
    let sessions: OfficerSessions

    func register(on router: Router<ServerRequestContext>) {
        router.get("/officer/sign-in") { request, _ in
            let (token, headers) = self.services.csrf.issue(for: request)
            return self.services.page("Sign in", Self.form(token: token, username: "", problem: nil), headers: headers)
        }
        router.post("/officer/sign-in") { request, _ in try await self.signIn(request) }
        router.post("/officer/sign-out") { request, _ -> Response in
            let body = FormBody(try await self.services.body(of: request))
            guard self.services.csrf.verify(request, form: body) else {
                throw HTTPError(.forbidden, message: "The form had expired. Go back and try again.")
            }
            let clear = try self.sessions.signOut(request)
            return Response(status: .seeOther, headers: [.location: "/officer/sign-in", .setCookie: clear])
        }
    }

    func signIn(_ request: Request) async throws -> Response {
        let body = FormBody(try await self.services.body(of: request))
        let (token, headers) = self.services.csrf.issue(for: request)
        let username = body.first("username") ?? ""
        func again(_ problem: String, _ status: HTTPResponse.Status) throws -> Response {
            self.services.page(
                "Error: sign in", Self.form(token: token, username: username, problem: problem), status: status,
                headers: headers
            ).plainResponse()
        }
        guard self.services.csrf.verify(request, form: body) else {
            return try again("The form had expired. Sign in again.", .forbidden)
        }
        switch try await self.sessions.signIn(
            username: username, password: body.first("password") ?? "", code: body.first("code"))
        {
        case .needsCode:
            return try again("Enter the 6-digit code from your authenticator app.", .unauthorized)
        case .secondFactorNotSetUp:
            return try again(
                "Your account needs a second factor that has not been set up. Ask an admin (safeguard users totp).",
                .forbidden)
        case .refused:
            return try again("The name or password is not right.", .unauthorized)
        case .locked:
            return try again(
                "This account is locked after too many failed attempts. Try again in \(self.services.configuration.officers.lockSeconds / 60) minutes, or ask an admin to reset it.",
                .tooManyRequests)
        case .signedIn(let cookie):
            return Response(status: .seeOther, headers: [.location: "/officer", .setCookie: cookie])
        }
    }

    static func form(token: String, username: String, problem: String?) -> String {
        let error = problem.map {
            "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><p class=\"error\">\(HTML.escape($0))</p></div>"
        } ?? ""
        return """
            <h1>Sign in</h1>
            \(error)
            <form method="post" action="/officer/sign-in">
            \(CSRFProtection.field(token))
            <label for="username">User name</label>
            <input type="text" id="username" name="username" autocomplete="username" required value="\(HTML.escape(username))">
            <label for="password">Password</label>
            <input type="password" id="password" name="password" autocomplete="current-password" required>
            <label for="code">One-time code (if your account has one)</label>
            <input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]*">
            <button type="submit">Sign in</button>
            </form>
            """
    }
}
