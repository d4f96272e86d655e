// The intake load test's server: exactly `safeguard serve` (the same `buildApplication` of the
// SafeguardServer target over the same SQLite store), without the CLI's other dependencies.
// The CLI links PostgresNIO, whose TLS stack (swift-nio-ssl's BoringSSL, 400 C files) takes
// hours to compile in release on the shared 2-core machine; the benchmark does not need it.
//
// Build: SAFEGUARD_BENCH=1 swift build -c release --scratch-path .build-release --product safeguard-intake-server
// With `SAFEGUARD_BENCH=postgres` it also takes `--db postgres://USER@HOST:PORT/DB?authority=ID` (the
// PostgreSQL store, issue 14), linking PostgresNIO and so BoringSSL.
// Usage: safeguard-intake-server serve [the `safeguard serve` options bench/intake/run.sh passes]
import Foundation
import Hummingbird
import SafeguardServer
import SafeguardStore
#if SAFEGUARD_BENCH_POSTGRES
import SafeguardStorePostgres
#endif

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "serve" { arguments.removeFirst() }
var options: [String: String] = [:]
var flags: Set<String> = []
var index = 0
while index < arguments.count {
    let name = arguments[index]
    if name == "--insecure-cookies" {
        flags.insert(name)
        index += 1
    } else if name.hasPrefix("--"), index + 1 < arguments.count {
        options[name] = arguments[index + 1]
        index += 2
    } else {
        FileHandle.standardError.write(Data("safeguard-intake-server: unknown argument \(name)\n".utf8))
        exit(64)
    }
}

var configuration = ServerConfiguration()
configuration.host = options["--host"] ?? "127.0.0.1"
configuration.port = Int(options["--port"] ?? "8080") ?? 8080
configuration.intakeKeyFile = options["--intake-key-file"] ?? "safeguard-intake.key"
configuration.pseudonymKeyFile = options["--key-file"] ?? "safeguard.key"
configuration.rulesDirectory = options["--rules"] ?? "rules"
configuration.secureCookies = !flags.contains("--insecure-cookies")
if let value = options["--reports-per-hour"].flatMap(Int.init) { configuration.limits.reportsPerClientPerHour = value }
if let value = options["--receipt-guesses-per-hour"].flatMap(Int.init) {
    configuration.limits.receiptGuessesPerClientPerHour = value
}
let database = options["--db"] ?? "safeguard.sqlite"
#if SAFEGUARD_BENCH_POSTGRES
let store: any IntakeStore =
    PostgresLocation.matches(database) ? try PostgresStore(url: database) : try SQLiteStore(path: database)
#else
if database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") {
    FileHandle.standardError.write(
        Data("safeguard-intake-server: built without PostgreSQL; rebuild with SAFEGUARD_BENCH=postgres\n".utf8))
    exit(64)
}
let store: any IntakeStore = try SQLiteStore(path: database)
#endif
let app = try buildApplication(configuration: configuration, store: store)
FileHandle.standardOutput.write(
    Data("safeguard-intake-server: serving on http://\(configuration.host):\(configuration.port)/\n".utf8))
try await app.runService()
