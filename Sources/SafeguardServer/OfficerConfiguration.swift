/// How officers sign in: the scrypt parameters for new password hashes, the session time-outs,
/// the lock-out after repeated failures and the authority whose data this deployment holds.
public struct OfficerConfiguration: Sendable, Hashable {
    /// scrypt cost (N, a power of two): 2^15 uses 32 MiB and ~0.1 s per sign-in.
    public var scryptCost: Int = 1 << 15
    /// scrypt block size (r).
    public var scryptBlockSize: Int = 8
    /// scrypt parallelism (p).
    public var scryptParallelism: Int = 1
    /// A session ends after this many seconds without a request.
    public var idleTimeoutSeconds: Int = 30 * 60
    /// A session ends this many seconds after sign-in, however busy.
    public var absoluteTimeoutSeconds: Int = 10 * 3_600
    /// Failed sign-ins in a row before the account is locked.
    public var lockAfterFailures: Int = 5
    /// How long a locked account stays locked, in seconds.
    public var lockSeconds: Int = 15 * 60
    /// Delay added to each failed sign-in, times the failures so far (capped at 5 s), in ms.
    public var failureDelayMilliseconds: Int = 250
    /// The authority id given to new users and checked on every session.
    public var authorityID: String = "local"

    /// The defaults.
    public init() {}
}
