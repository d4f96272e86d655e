import Hummingbird
import SafeguardStore

/// What the routes share: the configuration, the store and (from the intake) the keys and
/// in-memory limiters. Built once by `buildApplication`; every member is `Sendable`.
public struct ServerServices: Sendable {
    /// The configuration in effect.
    public let configuration: ServerConfiguration
    /// The store.
    public let store: SQLiteStore

    /// Creates the services for `configuration` over `store`.
    public init(configuration: ServerConfiguration, store: SQLiteStore) throws {
        self.configuration = configuration
        self.store = store
    }

    /// A page in the shared layout, named for this authority.
    public func page(
        _ title: String, _ body: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) -> HTMLPage {
        HTMLPage(
            title: title, body: body, authorityName: self.configuration.authorityName, status: status,
            headers: headers)
    }
}
