import Hummingbird
import Logging
import SafeguardStore

/// Builds the Safeguard web application: the public report form and receipt pages
/// (`PublicRoutes`), the officers' pages (`OfficerRoutes`, issue 13) and the partner API,
/// behind the security-headers middleware.
///
/// Kept apart from the `safeguard serve` command so tests build the same app in memory
/// (HummingbirdTesting `.router`) or on a loopback port (`.live`).
///
/// On PostgreSQL everything is served; the driver check and application screening pages say
/// that their tables are still SQLite-only.
///
/// - Throws: `ServerError` when a key file or the rules cannot be loaded.
public func buildApplication(
    configuration: ServerConfiguration, store: any IntakeStore
) throws -> some ApplicationProtocol {
    buildApplication(services: try ServerServices(configuration: configuration, store: store))
}

/// Builds the application over services already made (tests inject a clock this way, and read
/// the same intake the routes write to).
///
/// - Parameter logger: where the server logs (start-up, errors by type; never a request's
///   address, user agent or content).
public func buildApplication(
    services: ServerServices, logger: Logger = Logger(label: "safeguard")
) -> some ApplicationProtocol {
    services.sweepIfDue()
    let router = buildRouter(services: services)
    let configuration = services.configuration
    return Application(
        router: router,
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "safeguard"),
        logger: logger)
}

/// The router with every route group registered. Each group lives in its own file and
/// registers its routes here: add a group by adding one line.
func buildRouter(services: ServerServices) -> Router<ServerRequestContext> {
    let router = Router(context: ServerRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    StaticRoutes().register(on: router)
    PublicRoutes(services: services).register(on: router)
    ReceiptRoutes(services: services).register(on: router)
    PartnerRoutes(services: services).register(on: router)
    if let store = services.officerStore {
        let sessions = OfficerSessions(configuration: services.configuration, store: store, now: services.now)
        SignInRoutes(services: services, sessions: sessions).register(on: router)
        OfficerRoutes(services: services, sessions: sessions, store: store).register(on: router)
    }
    return router
}
