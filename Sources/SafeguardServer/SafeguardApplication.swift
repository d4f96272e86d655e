import Hummingbird
import SafeguardStore

/// Builds the Safeguard web application: the public report form and receipt pages
/// (`PublicRoutes`), the officers' pages (`OfficerRoutes`, issue 13) and the partner API,
/// behind the security-headers middleware.
///
/// Kept apart from the `safeguard serve` command so tests build the same app in memory
/// (HummingbirdTesting `.router`) or on a loopback port (`.live`).
///
/// - Throws: `ServerError` when a key file or the rules cannot be loaded.
public func buildApplication(
    configuration: ServerConfiguration, store: SQLiteStore
) throws -> some ApplicationProtocol {
    let services = try ServerServices(configuration: configuration, store: store)
    let router = buildRouter(services: services)
    return Application(
        router: router,
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "safeguard"))
}

/// The router with every route group registered. Each group lives in its own file and
/// registers its routes here: add a group by adding one line.
func buildRouter(services: ServerServices) -> Router<ServerRequestContext> {
    let router = Router(context: ServerRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    StaticRoutes().register(on: router)
    PublicRoutes(services: services).register(on: router)
    // OfficerRoutes(services: services).register(on: router)  // issue 13: sign-in, inbox, report, audit
    return router
}
