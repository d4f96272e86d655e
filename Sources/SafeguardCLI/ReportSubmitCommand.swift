import ArgumentParser
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `safeguard report submit FILE.json`: sends one report to a running `safeguard serve`
/// through the partner API, with the partner's bearer token.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Send reports to a Safeguard server (partner intake).",
        subcommands: [Submit.self]
    )

    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "POST one report (JSON) to /api/reports and print its reference and receipt code.",
            discussion: """
                The JSON has the fields of a line of `safeguard import reports` (docs/formats.md) without id \
                and received: role, seen, text, signs, where {premises, address, postcode, vehicle, badge, \
                taxi-firm}, when, apparent-age, danger-now, contact {name, phone, email}.

                Example: SAFEGUARD_TOKEN=sgp_... safeguard report submit report.json --url http://127.0.0.1:8080
                """)

        @Argument(help: ArgumentHelp("The report, one JSON object.", valueName: "file"))
        var file: String

        @Option(help: "The server's base URL.")
        var url: String = "http://127.0.0.1:8080"

        @Option(help: "The partner's bearer token (default: $SAFEGUARD_TOKEN).")
        var token: String?

        func run() async throws {
            let body = try InputFile.read(self.file, what: "report JSON")
            guard (try? JSONSerialization.jsonObject(with: body)) is [String: Any] else {
                throw CommandError(
                    .input, "\(self.file) is not a report: expected one JSON object",
                    fix: "give a JSON object with the fields in docs/formats.md (Partner report API)")
            }
            guard let token = self.token ?? ProcessInfo.processInfo.environment["SAFEGUARD_TOKEN"] else {
                throw ValidationError("No token: pass --token or set SAFEGUARD_TOKEN (created by safeguard tokens add NAME).")
            }
            guard let endpoint = URL(string: self.url.hasSuffix("/") ? self.url + "api/reports" : self.url + "/api/reports")
            else {
                throw ValidationError("'\(self.url)' is not a URL; pass --url http://HOST:PORT")
            }
            var request = URLRequest(url: endpoint)
            request.httpMethod = "POST"
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            let (data, response): (Data, URLResponse)
            do {
                (data, response) = try await URLSession.shared.data(for: request)
            } catch {
                throw CommandError(
                    .output, "cannot deliver the report to \(endpoint.absoluteString): \(error.localizedDescription)",
                    fix: "check the server is running (safeguard serve) and pass its address with --url")
            }
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            let text = String(decoding: data, as: UTF8.self)
            guard status == 201 else {
                throw CommandError(
                    .input, "the server refused the report (HTTP \(status)): \(text)",
                    fix: status == 401 ? "check the token (safeguard tokens add NAME makes one)" : "fix the field it names and submit again")
            }
            print(text)
        }
    }
}
