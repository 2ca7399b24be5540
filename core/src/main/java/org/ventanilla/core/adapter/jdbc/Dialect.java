package org.ventanilla.core.adapter.jdbc;

/** What differs between the two databases the JDBC record store speaks to; everything else is shared SQL. */
enum Dialect {

    H2("",
            "INSERT INTO records (kind, id, version, body, updated_at) VALUES (?, ?, 1, ?, ?)",
            "INSERT INTO record_keys (kind, lookup_key, id) VALUES (?, ?, ?)",
            false),

    POSTGRESQL("COLLATE \"C\"",
            // ON CONFLICT keeps the transaction usable: a failed statement would abort it on PostgreSQL.
            "INSERT INTO records (kind, id, version, body, updated_at) VALUES (?, ?, 1, ?, ?) ON CONFLICT DO NOTHING",
            "INSERT INTO record_keys (kind, lookup_key, id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            true);

    private final String keyCollation;
    private final String insertRecordSql;
    private final String insertKeySql;
    private final boolean conflictsAsZeroRows;

    Dialect(String keyCollation, String insertRecordSql, String insertKeySql, boolean conflictsAsZeroRows) {
        this.keyCollation = keyCollation;
        this.insertRecordSql = insertRecordSql;
        this.insertKeySql = insertKeySql;
        this.conflictsAsZeroRows = conflictsAsZeroRows;
    }

    static Dialect of(JdbcSettings settings) {
        return settings.isH2() ? H2 : POSTGRESQL;
    }

    /** Value of the migrations' keyCollation placeholder. */
    String keyCollation() {
        return keyCollation;
    }

    String insertRecordSql() {
        return insertRecordSql;
    }

    String insertKeySql() {
        return insertKeySql;
    }

    /** True when a duplicate insert reports 0 rows; false when it throws a unique violation (H2). */
    boolean conflictsAsZeroRows() {
        return conflictsAsZeroRows;
    }

    /** The statement that takes the next value of a sequence; {@code identifier} is a safe SQL identifier. */
    String nextValueSql(String identifier) {
        return this == H2 ? "SELECT NEXT VALUE FOR " + identifier : "SELECT nextval('" + identifier + "')";
    }

    String createSequenceSql(String identifier) {
        return "CREATE SEQUENCE IF NOT EXISTS " + identifier + " START WITH 1 INCREMENT BY 1";
    }
}
