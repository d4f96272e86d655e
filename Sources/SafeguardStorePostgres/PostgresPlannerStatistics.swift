import Logging
import PostgresNIO

/// Fresh planner statistics after a bulk write. PostgreSQL plans from the statistics `ANALYZE`
/// gathers; autovacuum gathers them only after its next round (a minute by default), so a
/// profile run straight after an import would plan its reads of tables it had never analysed.
/// (The 7 s review-date read first blamed on this was an id list bound as text, parsed again per
/// row under a sequential scan: see `SQLValue.ids`; statistics only decided whether the plan hit
/// it.) The application role neither owns the tables nor can analyse them, so it asks
/// `safeguard_analyze` (security definer, migration `postgres-planner-statistics-v1`) to do it
/// for the tables a bulk write changed by at least as many rows as they held at their last
/// analysis, rather than after every batch; the store runs it beside the import's next batch
/// (`PendingAnalyses`).
enum PostgresPlannerStatistics {
    /// Writes of fewer rows than this (an intake report, an officer's reply) never check.
    static let minimumRows = 1_000

    /// The tables the current transaction changed enough to analyse once it commits.
    static func staleTables(on db: PostgresConnection, logger: Logger) async throws -> [String] {
        let rows = try await db.query(
            """
            SELECT s.relname::text FROM pg_stat_xact_user_tables s JOIN pg_class c ON c.oid = s.relid
            WHERE s.schemaname = 'public'
              AND s.n_tup_ins + s.n_tup_upd + s.n_tup_del >= \(Self.minimumRows)
              AND s.n_tup_ins + s.n_tup_upd + s.n_tup_del >= greatest(c.reltuples, 0)
            ORDER BY 1
            """, logger: logger)
        var tables: [String] = []
        for try await row in rows { tables.append(try row.decode(String.self)) }
        return tables
    }

    /// Analyses `tables` (after the commit). Best effort: the rows are stored whatever happens here,
    /// and autovacuum analyses them later anyway.
    static func analyse(_ tables: [String], on db: PostgresConnection, logger: Logger) async {
        guard !tables.isEmpty else { return }
        _ = try? await db.query("SELECT safeguard_analyze(\(tables))", logger: logger)
    }

    /// Migration `postgres-planner-statistics-v1`: `ANALYZE` on the named tables of the schema, as
    /// the owner; callable only by roles granted it (`safeguard db migrate --app-role`). It samples
    /// 3,000 rows a table (statistics target 10, not 100): row counts and distinct values are what
    /// the store's reads need, and the full sample cost 180 ms a call during an FHRS import;
    /// autovacuum's own analyses later use the server's target.
    static let migrationSQL = """
        CREATE FUNCTION safeguard_analyze(tables TEXT[]) RETURNS VOID
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET default_statistics_target = 10 AS $$
        DECLARE
            t TEXT;
        BEGIN
            FOREACH t IN ARRAY tables LOOP
                IF EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = t) THEN
                    EXECUTE format('ANALYZE public.%I', t);
                END IF;
            END LOOP;
        END
        $$;
        REVOKE ALL ON FUNCTION safeguard_analyze(TEXT[]) FROM PUBLIC
        """

    /// Migration `postgres-planner-statistics-v2`: the same function, analysing only the columns
    /// the store's reads select and join on, those in an index (its key or its predicate), with
    /// the table's row count. Sorting a 3,000-row sample of every text column was most of an
    /// analysis (27 columns of FHRS rows): this takes a third of the time, on the import's path.
    /// A table without an index is analysed whole; autovacuum later analyses every column.
    static let indexedColumnsSQL = #"""
        CREATE OR REPLACE FUNCTION safeguard_analyze(tables TEXT[]) RETURNS VOID
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET default_statistics_target = 10 AS $$
        DECLARE
            t TEXT;
            columns TEXT;
        BEGIN
            FOREACH t IN ARRAY tables LOOP
                CONTINUE WHEN NOT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = t);
                SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO columns
                FROM pg_attribute a
                WHERE a.attrelid = format('public.%I', t)::regclass AND a.attnum > 0 AND NOT a.attisdropped
                  AND EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid
                              AND (a.attnum = ANY(i.indkey::int2[])
                                   OR pg_get_expr(i.indpred, i.indrelid) ~ ('\m' || a.attname || '\M')));
                IF columns IS NULL THEN
                    EXECUTE format('ANALYZE public.%I', t);
                ELSE
                    EXECUTE format('ANALYZE public.%I (%s)', t, columns);
                END IF;
            END LOOP;
        END
        $$
        """#
}
