import Foundation

/// Everything `buildApplication(configuration:store:)` needs besides the store: where to listen,
/// who runs the service, the limits and where the keys live.
///
/// Every value has a default, so tests change only what they exercise.
public struct ServerConfiguration: Sendable {
    /// Address to bind (loopback by default: put a TLS-terminating proxy in front for the public).
    public var host: String = "127.0.0.1"
    /// TCP port (0 picks a free one).
    public var port: Int = 8080
    /// The licensing authority running the service, shown on every page.
    public var authorityName: String = "the licensing authority"
    /// Local numbers shown to reporters: emergency first, then the others.
    public var phoneNumbers: PhoneNumbers = PhoneNumbers()
    /// Request, rate and retention limits.
    public var limits: ServerLimits = ServerLimits()
    /// The intake key file (AES-GCM for text at rest, HMAC for receipts, CSRF and tokens).
    /// Created with mode 0600 when absent; keep it out of the database directory's backups.
    public var intakeKeyFile: String = "safeguard-intake.key"
    /// The pseudonymisation key file shared with `safeguard import reports` (same tokens).
    public var pseudonymKeyFile: String = "safeguard.key"
    /// The rules directory (`hotels/signs.yaml` for the sign list, `reports/triage.yaml`).
    public var rulesDirectory: String = "rules"
    /// Marks the cookie `Secure`; on by default, off only for plain-HTTP loopback use and tests.
    public var secureCookies: Bool = true
    /// The officers' sign-in: password hashing, session time-outs, lock-out (issue 13).
    public var officers: OfficerConfiguration = OfficerConfiguration()

    /// A configuration with every default.
    public init() {}
}

/// Telephone numbers shown to reporters.
public struct PhoneNumbers: Sendable, Hashable {
    /// Emergency services (always first when a child is in danger now).
    public var emergency: String = "999"
    /// Police non-emergency number.
    public var policeNonEmergency: String = "101"
    /// The council's children's services front door (multi-agency safeguarding hub), if set.
    public var childrenServices: String?

    /// The UK national numbers, no local front door.
    public init(emergency: String = "999", policeNonEmergency: String = "101", childrenServices: String? = nil) {
        self.emergency = emergency
        self.policeNonEmergency = policeNonEmergency
        self.childrenServices = childrenServices
    }
}

/// Limits that keep the service up under load and abuse.
public struct ServerLimits: Sendable, Hashable {
    /// Largest request body accepted, in bytes (a larger one gets 413).
    public var maxBodyBytes: Int = 64 * 1024
    /// Reports one client may submit per hour (keyed by a daily-salted hash, memory only).
    public var reportsPerClientPerHour: Int = 30
    /// Receipt-code look-ups one client may get wrong per hour before 429.
    public var receiptGuessesPerClientPerHour: Int = 10
    /// Delay added to every failed receipt look-up, in milliseconds (slows guessing).
    public var failedReceiptDelayMilliseconds: Int = 400
    /// Days a report is kept before it is deleted for good.
    public var retentionDays: Int = 395

    /// The defaults.
    public init() {}
}
