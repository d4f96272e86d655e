import Hummingbird

/// The request context of every Safeguard route.
///
/// It holds the peer's address only for the life of the request, to key the in-memory rate
/// limits through a daily-salted hash (`ClientKey`); the address is never stored or logged.
public struct ServerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address, in memory for this request only (nil in in-process tests).
    let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies are collected by the routes against `ServerLimits.maxBodyBytes`; this caps the rest.
    public var maxUploadSize: Int { 1024 * 1024 }
}
