import GRDB

extension SQLiteStore {
    /// Named, append-only migrations: never edit one that has shipped, add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-entities-and-feeds") { db in
            try db.execute(
                sql: """
                    CREATE TABLE entity (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,
                        source TEXT NOT NULL,
                        name TEXT NOT NULL,
                        name_key TEXT NOT NULL,
                        address TEXT,
                        postcode TEXT,
                        postcode_key TEXT,
                        house_number TEXT,
                        fhrs_id INTEGER UNIQUE
                    );
                    CREATE INDEX entity_by_postcode ON entity(postcode_key);
                    CREATE INDEX entity_by_name ON entity(name_key);
                    CREATE INDEX entity_unclaimed_by_postcode ON entity(postcode_key) WHERE fhrs_id IS NULL;
                    CREATE TABLE fhrs_establishment (
                        fhrs_id INTEGER PRIMARY KEY,
                        entity_id INTEGER NOT NULL REFERENCES entity(id),
                        link_method TEXT NOT NULL,
                        link_confidence REAL NOT NULL,
                        la_business_id TEXT,
                        name TEXT NOT NULL,
                        business_type TEXT,
                        business_type_id INTEGER,
                        address_lines TEXT NOT NULL,
                        postcode TEXT,
                        rating_value TEXT,
                        rating_key TEXT,
                        rating_date TEXT,
                        la_code TEXT,
                        la_name TEXT,
                        hygiene INTEGER,
                        structural INTEGER,
                        confidence_in_management INTEGER,
                        scheme_type TEXT,
                        new_rating_pending INTEGER,
                        longitude REAL,
                        latitude REAL,
                        right_to_reply TEXT,
                        hotel_basis TEXT,
                        extract_date TEXT,
                        content_hash INTEGER NOT NULL
                    );
                    CREATE INDEX fhrs_by_entity ON fhrs_establishment(entity_id);
                    CREATE INDEX fhrs_hotels ON fhrs_establishment(hotel_basis) WHERE hotel_basis IS NOT NULL;
                    CREATE TABLE licence_case (
                        id INTEGER PRIMARY KEY,
                        organisation TEXT NOT NULL,
                        case_reference TEXT NOT NULL,
                        entity_id INTEGER NOT NULL REFERENCES entity(id),
                        link_method TEXT NOT NULL,
                        link_confidence REAL NOT NULL,
                        UNIQUE (organisation, case_reference)
                    );
                    CREATE INDEX licence_case_by_entity ON licence_case(entity_id);
                    CREATE TABLE licence_event (
                        id INTEGER PRIMARY KEY,
                        case_id INTEGER NOT NULL REFERENCES licence_case(id),
                        row_hash INTEGER NOT NULL,
                        extract_date TEXT,
                        organisation_uri TEXT,
                        organisation_label TEXT,
                        case_reference TEXT NOT NULL,
                        case_date TEXT,
                        service_type_uri TEXT,
                        service_type_label TEXT,
                        premises_name TEXT,
                        location_text TEXT,
                        postcode TEXT,
                        entertainment_type_uri TEXT,
                        entertainment_type_label TEXT,
                        alcohol_supply TEXT,
                        late_night_refreshment TEXT,
                        opening_hours TEXT,
                        licence_holder TEXT,
                        status_label TEXT,
                        UNIQUE (case_id, row_hash)
                    );
                    CREATE TABLE taxi_driver (
                        id INTEGER PRIMARY KEY,
                        issuing_authority TEXT NOT NULL,
                        licence_number TEXT NOT NULL,
                        entity_id INTEGER NOT NULL REFERENCES entity(id),
                        badge_key TEXT,
                        licence_type TEXT NOT NULL,
                        holder_name TEXT,
                        badge_number TEXT,
                        issued_on TEXT, expires_on TEXT,
                        status TEXT NOT NULL,
                        dbs_issued_on TEXT,
                        dbs_update_service INTEGER,
                        dbs_last_status_check TEXT,
                        barred_lists_checked INTEGER,
                        nr3s_searched_on TEXT,
                        safeguarding_training_on TEXT,
                        right_to_work_checked INTEGER,
                        revocation_reason TEXT,
                        victim_age_band TEXT,
                        vehicle_registration TEXT,
                        content_hash INTEGER NOT NULL,
                        UNIQUE (issuing_authority, licence_number)
                    );
                    CREATE INDEX taxi_driver_by_badge ON taxi_driver(badge_key);
                    CREATE TABLE taxi_vehicle (
                        id INTEGER PRIMARY KEY,
                        issuing_authority TEXT NOT NULL,
                        licence_number TEXT NOT NULL,
                        entity_id INTEGER NOT NULL REFERENCES entity(id),
                        registration_key TEXT NOT NULL,
                        licence_type TEXT NOT NULL,
                        vehicle_registration TEXT NOT NULL,
                        make TEXT, model TEXT,
                        proprietor_name TEXT,
                        operator_licence TEXT,
                        issued_on TEXT, expires_on TEXT,
                        status TEXT NOT NULL,
                        content_hash INTEGER NOT NULL,
                        UNIQUE (issuing_authority, licence_number)
                    );
                    CREATE INDEX taxi_vehicle_by_registration ON taxi_vehicle(registration_key);
                    CREATE TABLE taxi_operator (
                        id INTEGER PRIMARY KEY,
                        issuing_authority TEXT NOT NULL,
                        licence_number TEXT NOT NULL,
                        operator_name TEXT NOT NULL,
                        issued_on TEXT, expires_on TEXT,
                        status TEXT NOT NULL,
                        content_hash INTEGER NOT NULL,
                        UNIQUE (issuing_authority, licence_number)
                    );
                    CREATE TABLE review (
                        id INTEGER PRIMARY KEY,
                        site TEXT NOT NULL,
                        source_id TEXT NOT NULL,
                        entity_id INTEGER NOT NULL REFERENCES entity(id),
                        link_method TEXT NOT NULL,
                        link_confidence REAL NOT NULL,
                        premises_name TEXT NOT NULL,
                        address TEXT, postcode TEXT,
                        date TEXT,
                        rating REAL,
                        text TEXT NOT NULL,
                        content_hash INTEGER NOT NULL,
                        UNIQUE (site, source_id)
                    );
                    CREATE INDEX review_by_entity ON review(entity_id);
                    CREATE TABLE report (
                        id INTEGER PRIMARY KEY,
                        receipt_id TEXT NOT NULL UNIQUE,
                        received TEXT NOT NULL,
                        role TEXT NOT NULL,
                        seen TEXT NOT NULL,
                        text TEXT NOT NULL,
                        signs TEXT NOT NULL,
                        premises TEXT, address TEXT, postcode TEXT, vehicle TEXT, badge TEXT,
                        when_text TEXT,
                        apparent_age_band TEXT,
                        danger_now INTEGER NOT NULL,
                        contact_name TEXT, contact_phone TEXT, contact_email TEXT,
                        content_hash INTEGER NOT NULL
                    );
                    CREATE TABLE intelligence (
                        id INTEGER PRIMARY KEY,
                        record_id TEXT NOT NULL UNIQUE,
                        date TEXT NOT NULL,
                        source TEXT NOT NULL,
                        premises TEXT, address TEXT, postcode TEXT, vehicle TEXT, badge TEXT,
                        signs TEXT NOT NULL,
                        summary TEXT NOT NULL,
                        content_hash INTEGER NOT NULL
                    );
                    CREATE TABLE entity_link (
                        source TEXT NOT NULL,
                        source_key TEXT NOT NULL,
                        role TEXT NOT NULL,
                        entity_id INTEGER NOT NULL REFERENCES entity(id),
                        method TEXT NOT NULL,
                        confidence REAL NOT NULL,
                        PRIMARY KEY (source, source_key, role)
                    );
                    CREATE INDEX entity_link_by_entity ON entity_link(entity_id);
                    CREATE TABLE evidence (
                        id INTEGER PRIMARY KEY,
                        entity_id INTEGER REFERENCES entity(id),
                        record_key TEXT NOT NULL,
                        source TEXT NOT NULL,
                        source_id TEXT NOT NULL,
                        sign TEXT NOT NULL,
                        date TEXT,
                        snippet TEXT NOT NULL,
                        origin TEXT
                    );
                    CREATE INDEX evidence_by_entity ON evidence(entity_id);
                    CREATE INDEX evidence_by_record ON evidence(record_key);
                    CREATE TABLE link_candidate (
                        id INTEGER PRIMARY KEY,
                        entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                        candidate_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                        method TEXT NOT NULL,
                        confidence REAL NOT NULL,
                        status TEXT NOT NULL DEFAULT 'pending',
                        UNIQUE (entity_id, candidate_id)
                    );
                    """)
        }
        // The hotel profile reads every hotel's review dates; a covering index turns that into an
        // index-only range scan per hotel (half the profile time at 1M reviews).
        migrator.registerMigration("v2-review-dates-by-entity") { db in
            try db.execute(sql: "CREATE INDEX review_dates_by_entity ON review(entity_id, date)")
        }
        // Every entity without an FHRS establishment (all licence-register premises) sat in two
        // postcode indexes: entity_by_postcode and the partial entity_unclaimed_by_postcode. Split
        // the full one into its other half (claimed entities only), so each entity is in exactly one
        // postcode index; `PremisesIndex` reads both halves. One random-order index write fewer per
        // new premises, and fewer dirty pages per commit. (IF [NOT] EXISTS: a bulk load cut short
        // may have dropped entity_by_postcode; `restoreIndexes` builds the claimed one after this.)
        migrator.registerMigration("v3-csv-import") { db in
            try db.execute(
                sql: """
                    CREATE INDEX IF NOT EXISTS entity_claimed_by_postcode ON entity(postcode_key)
                        WHERE fhrs_id IS NOT NULL;
                    DROP INDEX IF EXISTS entity_by_postcode;
                    """)
        }
        // Application screening (branch screen): stored decisions for replay, and UPRNs learned from
        // applications so a premises is found again under another trading name.
        migrator.registerMigration("v4-screen-decisions-and-uprns") { db in
            try db.execute(
                sql: """
                    CREATE TABLE screening_decision (
                        id TEXT PRIMARY KEY,
                        reference TEXT NOT NULL,
                        as_of TEXT NOT NULL,
                        ruleset_hash TEXT NOT NULL,
                        input_hash TEXT NOT NULL,
                        band TEXT NOT NULL,
                        result TEXT NOT NULL
                    );
                    CREATE TABLE entity_uprn (
                        uprn TEXT NOT NULL,
                        entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                        PRIMARY KEY (uprn, entity_id)
                    );
                    """)
        }
        // Workflow 4 (issue 12, branch intake): reports from `safeguard serve`. The report itself
        // goes through the `report` table like an imported one; these tables hold what only the
        // intake has: the keyed hash of the receipt code, the sealed (AES-GCM) text and contact
        // details, triage, service-level clocks, messages both ways, partner tokens (hashed) and an
        // audit that outlives the deletion of a report.
        migrator.registerMigration("intake-v1-receipts-messages-audit") { db in
            try db.execute(
                sql: """
                    CREATE TABLE intake_report (
                        id INTEGER PRIMARY KEY,
                        reference TEXT NOT NULL UNIQUE,
                        report_id INTEGER REFERENCES report(id),
                        receipt_hash BLOB NOT NULL UNIQUE,
                        received_hour TEXT NOT NULL,
                        status TEXT NOT NULL,
                        band TEXT NOT NULL,
                        score REAL NOT NULL,
                        fired_rules TEXT NOT NULL,
                        danger_now INTEGER NOT NULL,
                        acknowledge_by TEXT NOT NULL,
                        feedback_by TEXT NOT NULL,
                        acknowledged_at TEXT,
                        first_feedback_at TEXT,
                        expires TEXT NOT NULL,
                        channel TEXT NOT NULL,
                        sealed BLOB NOT NULL
                    );
                    CREATE INDEX intake_report_by_expiry ON intake_report(expires);
                    CREATE TABLE intake_message (
                        id INTEGER PRIMARY KEY,
                        intake_id INTEGER NOT NULL REFERENCES intake_report(id),
                        author TEXT NOT NULL,
                        officer TEXT,
                        at TEXT NOT NULL,
                        sealed BLOB NOT NULL
                    );
                    CREATE INDEX intake_message_by_report ON intake_message(intake_id);
                    CREATE TABLE intake_audit (
                        id INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        reference TEXT NOT NULL,
                        action TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        detail TEXT NOT NULL
                    );
                    CREATE TABLE intake_key (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        fingerprint TEXT NOT NULL
                    );
                    CREATE TABLE partner_token (
                        id INTEGER PRIMARY KEY,
                        partner TEXT NOT NULL,
                        token_hash BLOB NOT NULL UNIQUE,
                        created_at TEXT NOT NULL,
                        revoked_at TEXT
                    );
                    """)
        }
        // Workflow 3 (branch drivers): licence history (refusals, suspensions, revocations and
        // non-renewals with a reason category and, for sexual offences, the victim's age band), NR3S
        // searches per application, and s.5 notifications with their s.6 replies.
        migrator.registerMigration("v4-drivers-register-history-nr3s-s6") { db in
            try db.execute(
                sql: """
                    CREATE TABLE taxi_licence_history (
                        id INTEGER PRIMARY KEY,
                        issuing_authority TEXT NOT NULL,
                        licence_number TEXT NOT NULL,
                        decided_by TEXT NOT NULL,
                        event TEXT NOT NULL,
                        event_date TEXT NOT NULL,
                        reason TEXT,
                        victim_age_band TEXT,
                        UNIQUE (issuing_authority, licence_number, event, event_date, decided_by)
                    );
                    CREATE TABLE taxi_nr3s_search (
                        issuing_authority TEXT NOT NULL,
                        licence_number TEXT NOT NULL,
                        application_type TEXT NOT NULL,
                        application_date TEXT NOT NULL,
                        searched_on TEXT,
                        matched INTEGER,
                        recording_authority TEXT,
                        details_requested_on TEXT,
                        details_received_on TEXT,
                        decided_on TEXT,
                        PRIMARY KEY (issuing_authority, licence_number, application_date)
                    );
                    CREATE TABLE taxi_s6_reply (
                        issuing_authority TEXT NOT NULL,
                        licence_number TEXT NOT NULL,
                        notified_on TEXT NOT NULL,
                        replied_on TEXT,
                        decision TEXT,
                        note TEXT,
                        PRIMARY KEY (issuing_authority, licence_number, notified_on)
                    );
                    """)
        }
        // Issue 13 (branch webapp): officers' users, hashed sessions, report allocation and the
        // append-only audit of every view, export and change (SQLiteStore+Officers.swift).
        migrator.registerMigration("webapp-v1-users-sessions-audit") { db in
            try SQLiteStore.createOfficerTables(db)
        }
        return migrator
    }
}
