import SafeguardCore

/// What the officers' pages of `safeguard serve` keep besides the intake: users, server-side
/// sessions, the allocation of reports, the append-only officers' audit, and the officers' links
/// between intake reports and premises, drivers and vehicles (each the report's `entity_link`
/// row, the report's evidence following it).
///
/// `SQLiteStore` and the PostgreSQL store (`PostgresStore`, one authority's rows under row-level
/// security) both carry it, so an officer signs in, reads the inbox, replies and links reports on
/// either. The driver check and application screening pages still read SQLite-only tables.
public protocol OfficerStore: IntakeStore, SafeguardStore {
    // MARK: Users

    /// Adds a user.
    ///
    /// - Throws: `StoreError` "store.user.exists" when the name is taken.
    func addOfficerUser(
        username: String, displayName: String, role: OfficerRole, authorityID: String, passwordHash: String,
        at time: String) throws
    /// The user named `username`, nil when none.
    func officerUser(username: String) throws -> OfficerUser?
    /// The user with id `id`, nil when none.
    func officerUser(id: Int64) throws -> OfficerUser?
    /// Every user, by name.
    func officerUsers() throws -> [OfficerUser]
    /// Disables (or re-enables) a user and ends their sessions; returns whether the user exists.
    @discardableResult
    func setOfficerUserDisabled(username: String, disabled: Bool, at time: String) throws -> Bool
    /// Sets a new password hash, clears the lock-out and ends the user's sessions.
    @discardableResult
    func resetOfficerPassword(username: String, passwordHash: String, at time: String) throws -> Bool
    /// Sets (or with nil clears) a user's TOTP secret and whether a second factor is required.
    @discardableResult
    func setOfficerTOTP(username: String, secret: String?, required: Bool, at time: String) throws -> Bool
    /// Records a failed sign-in, locking the account at `lockAfter` failures; returns the failures.
    @discardableResult
    func recordFailedSignIn(userID: Int64, lockAfter: Int, lockUntil: Int64, at time: String) throws -> Int

    // MARK: Sessions

    /// Stores a new session (by the hash of its id) after a successful sign-in and clears failures.
    func startOfficerSession(_ session: OfficerSession, at time: String) throws
    /// The session stored under `idHash`, nil when none.
    func officerSession(idHash: [UInt8]) throws -> OfficerSession?
    /// Moves a session's idle clock on.
    func touchOfficerSession(idHash: [UInt8], at seconds: Int64) throws
    /// Ends a session (sign-out or time-out).
    func endOfficerSession(idHash: [UInt8]) throws

    // MARK: Allocation and audit

    /// Allocates the report `reference` to `officer` (nil clears it), audited.
    func allocateReport(reference: String, to officer: String?, by actor: String, at time: String) throws
    /// Report reference to allocated officer's username.
    func reportAllocations() throws -> [String: String]
    /// Appends one line to the officers' audit.
    func appendOfficerAudit(at time: String, actor: String, action: String, subject: String, detail: String) throws
    /// The officers' audit, oldest first.
    func officerAudit() throws -> [OfficerAuditEntry]

    // MARK: Report links

    /// Premises whose name or postcode matches `query`, hotels first, at most `limit`.
    func searchPremises(_ query: String, limit: Int) throws -> [LinkablePremises]
    /// One premises entity, or nil.
    func premises(id: Int64) throws -> LinkablePremises?
    /// The premises the report `reference` is linked to (by the resolver or an officer).
    func linkedPremises(reference: String) throws -> [(premises: LinkablePremises, method: String)]
    /// The intake report references linked to the premises `id`, newest first.
    func linkedReports(premises id: Int64) throws -> [String]
    /// Links the report to the premises `id` (replacing any premises link), moving its evidence.
    func linkReport(reference: String, toPremises id: Int64, by actor: String, at time: String) throws
    /// Removes the premises link of the report (audited).
    func unlinkReport(reference: String, by actor: String, at time: String) throws
    /// The hotel snapshot of the premises `id`, when it is a hotel.
    func hotel(entityID id: Int64) throws -> HotelSnapshot?
    /// Drivers whose badge or licence number is or starts with `query`, exact matches first.
    func searchDrivers(_ query: String, limit: Int) throws -> [LinkableDriver]
    /// The driver entity `id` (its first licence in the register), or nil.
    func driver(id: Int64) throws -> LinkableDriver?
    /// The driver and the vehicle the report `reference` is linked to, with how.
    func linkedTaxi(reference: String) throws
        -> (driver: (driver: LinkableDriver, method: String)?, vehicle: (vehicle: LinkableVehicle, method: String)?)
    /// Links the report to the driver entity `id` (replacing any driver link).
    func linkReport(reference: String, toDriver id: Int64, by actor: String, at time: String) throws
    /// Links the report to the vehicle with `registration` (a new vehicle entity when unseen).
    @discardableResult
    func linkReport(reference: String, toVehicleRegistration registration: String, by actor: String, at time: String)
        throws -> LinkableVehicle
    /// Removes the report's "driver" or "vehicle" link (audited).
    func unlinkReport(reference: String, role: String, by actor: String, at time: String) throws
    /// The intake report references linked to the entity `id` in `role`, newest first.
    func linkedReports(entity id: Int64, role: String) throws -> [String]
    /// What each intake report is linked to, by reference: "premises", "driver", "vehicle".
    func reportLinkRoles() throws -> [String: Set<String>]
    /// The driver entity of the licence `licence` issued by `authority`, or nil.
    func driverEntity(licence: String, authority: String) throws -> Int64?
}

extension OfficerStore {
    /// Premises matching `query`, at most 20.
    public func searchPremises(_ query: String) throws -> [LinkablePremises] {
        try self.searchPremises(query, limit: 20)
    }

    /// Drivers matching `query`, at most 20.
    public func searchDrivers(_ query: String) throws -> [LinkableDriver] {
        try self.searchDrivers(query, limit: 20)
    }
}

extension SQLiteStore: OfficerStore {}
