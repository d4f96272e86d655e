import GRDB

extension SQLiteStore {
    /// Secondary (non-unique) indexes of the tables an FHRS import fills. A first import into an
    /// empty store builds them once at the end, sorted, instead of row by row: on a 200 MB FHRS
    /// feed that is 0.3 s of index building instead of 1.1 s of index upkeep on the storing
    /// thread. Keys and constraints (primary keys, UNIQUE) are never dropped, so idempotency holds
    /// throughout.
    static let deferrableIndexes: [(name: String, sql: String)] = [
        // Since v3-csv-import FHRS entities are in the claimed half of the postcode index only.
        (
            "entity_claimed_by_postcode",
            "CREATE INDEX IF NOT EXISTS entity_claimed_by_postcode ON entity(postcode_key) WHERE fhrs_id IS NOT NULL"
        ),
        ("entity_by_name", "CREATE INDEX IF NOT EXISTS entity_by_name ON entity(name_key)"),
        ("fhrs_by_entity", "CREATE INDEX IF NOT EXISTS fhrs_by_entity ON fhrs_establishment(entity_id)"),
        (
            "fhrs_hotels",
            "CREATE INDEX IF NOT EXISTS fhrs_hotels ON fhrs_establishment(hotel_basis) WHERE hotel_basis IS NOT NULL"
        ),
    ]

    /// Starts a bulk load when the store holds no entities yet (a first import, where nothing can
    /// be looked up by these indexes anyway): drops the deferrable indexes. Call
    /// `restoreIndexes()` when the import ends, however it ends; a store opened after a crash
    /// part-way rebuilds them itself.
    ///
    /// - Returns: whether the store was empty and the indexes were dropped.
    public func beginBulkLoad() throws -> Bool {
        try self.writer.write { db in
            guard try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM entity)") ?? true) else { return false }
            for index in Self.deferrableIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
            return true
        }
    }

    /// Builds any deferrable index that is missing (after a bulk load, or one cut short by a crash).
    public func restoreIndexes() throws {
        try self.writer.write { db in
            for index in Self.deferrableIndexes { try db.execute(sql: index.sql) }
        }
    }
}
