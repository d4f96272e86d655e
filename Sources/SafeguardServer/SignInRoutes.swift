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

    /// The sign-in form (`Templates/sign-in.mustache`).
    static func form(token: String, username: String, problem: String?) -> String {
        var context: [String: Any] = ["csrf": token, "username": username]
        if let problem { context["problem"] = problem }
        return PageTemplates.render("sign-in", context)
    }
}
