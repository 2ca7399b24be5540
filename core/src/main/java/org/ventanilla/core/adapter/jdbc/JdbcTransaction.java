package org.ventanilla.core.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.OutboxEvent;
import org.ventanilla.core.port.RecordLimits;
import org.ventanilla.core.port.RecordTransaction;
import org.ventanilla.core.port.StoredRecord;

/** One unit of work on one pooled connection with auto-commit off; valid only inside its inTransaction call. */
final class JdbcTransaction implements RecordTransaction {

    private static final String SELECT_RECORD = "SELECT version, body, updated_at FROM records WHERE kind = ? AND id = ?";
    private static final String SELECT_VERSION = "SELECT version FROM records WHERE kind = ? AND id = ?";
    private static final String UPDATE_RECORD =
            "UPDATE records SET version = ?, body = ?, updated_at = ? WHERE kind = ? AND id = ? AND version = ?";
    private static final String SELECT_KEY = "SELECT id FROM record_keys WHERE kind = ? AND lookup_key = ?";
    private static final String DELETE_KEY = "DELETE FROM record_keys WHERE kind = ? AND lookup_key = ?";
    private static final String KEYS_WITH_PREFIX = "SELECT lookup_key, id FROM record_keys WHERE kind = ? AND lookup_key LIKE ?"
            + " ESCAPE '!' ORDER BY lookup_key FETCH FIRST ? ROWS ONLY";
    private static final String INSERT_EVENT =
            "INSERT INTO outbox (aggregate_type, aggregate_id, type, payload, created_at) VALUES (?, ?, ?, ?, ?)";

    private final JdbcRecordStore store;
    private final Connection connection;
    private final Dialect dialect;
    private boolean open = true;

    JdbcTransaction(JdbcRecordStore store, Connection connection, Dialect dialect) {
        this.store = store;
        this.connection = connection;
        this.dialect = dialect;
    }

    Connection connection() {
        return connection;
    }

    void end() {
        open = false;
    }

    @Override
    public Optional<StoredRecord> get(String kind, String id) {
        check();
        RecordLimits.kind("record kind", kind);
        RecordLimits.id("record id", id);
        try (PreparedStatement ps = connection.prepareStatement(SELECT_RECORD)) {
            ps.setString(1, kind);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredRecord(kind, id, rs.getLong(1), rs.getString(2), instant(rs, 3)));
            }
        } catch (SQLException e) {
            throw store.failure("read record", e);
        }
    }

    @Override
    public StoredRecord insert(String kind, String id, String json) {
        check();
        RecordLimits.kind("record kind", kind);
        RecordLimits.id("record id", id);
        RecordLimits.json("record body", json);
        Instant now = store.now();
        try (PreparedStatement ps = connection.prepareStatement(dialect.insertRecordSql())) {
            ps.setString(1, kind);
            ps.setString(2, id);
            ps.setString(3, json);
            ps.setObject(4, offset(now));
            if (ps.executeUpdate() == 0) {
                throw exists(kind, id);
            }
            return new StoredRecord(kind, id, 1, json, now);
        } catch (SQLException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                throw exists(kind, id);
            }
            throw store.failure("insert record", e);
        }
    }

    @Override
    public StoredRecord update(String kind, String id, long expectedVersion, String json) {
        check();
        RecordLimits.kind("record kind", kind);
        RecordLimits.id("record id", id);
        RecordLimits.json("record body", json);
        Instant now = store.now();
        try (PreparedStatement ps = connection.prepareStatement(UPDATE_RECORD)) {
            ps.setLong(1, expectedVersion + 1);
            ps.setString(2, json);
            ps.setObject(3, offset(now));
            ps.setString(4, kind);
            ps.setString(5, id);
            ps.setLong(6, expectedVersion);
            if (ps.executeUpdate() == 1) {
                return new StoredRecord(kind, id, expectedVersion + 1, json, now);
            }
        } catch (SQLException e) {
            throw store.failure("update record", e);
        }
        long actual = currentVersion(kind, id);
        if (actual < 0) {
            throw new VentanillaException(ErrorCode.NOT_FOUND, "record " + kind + " '" + id + "' does not exist");
        }
        throw new VentanillaException(ErrorCode.CONFLICT, "record " + kind + " '" + id + "' is at version " + actual + ", not "
                + expectedVersion);
    }

    @Override
    public boolean claimKey(String kind, String key, String id) {
        check();
        RecordLimits.kind("key kind", kind);
        RecordLimits.key(key);
        RecordLimits.id("record id", id);
        try (PreparedStatement ps = connection.prepareStatement(dialect.insertKeySql())) {
            ps.setString(1, kind);
            ps.setString(2, key);
            ps.setString(3, id);
            if (ps.executeUpdate() == 1) {
                return true;
            }
        } catch (SQLException e) {
            if (!SqlFailures.isUniqueViolation(e)) {
                throw store.failure("claim lookup key", e);
            }
        }
        // Taken: by this id (a repeated claim) or by another. The holder has committed by now: the insert waited for it.
        return findByKey(kind, key).map(id::equals).orElse(false);
    }

    @Override
    public Optional<String> findByKey(String kind, String key) {
        check();
        RecordLimits.kind("key kind", kind);
        RecordLimits.key(key);
        try (PreparedStatement ps = connection.prepareStatement(SELECT_KEY)) {
            ps.setString(1, kind);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw store.failure("find lookup key", e);
        }
    }

    @Override
    public void releaseKey(String kind, String key) {
        check();
        RecordLimits.kind("key kind", kind);
        RecordLimits.key(key);
        try (PreparedStatement ps = connection.prepareStatement(DELETE_KEY)) {
            ps.setString(1, kind);
            ps.setString(2, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw store.failure("release lookup key", e);
        }
    }

    @Override
    public List<KeyEntry> keysWithPrefix(String kind, String prefix, int limit) {
        check();
        RecordLimits.kind("key kind", kind);
        RecordLimits.prefix(prefix);
        RecordLimits.limit(limit);
        try (PreparedStatement ps = connection.prepareStatement(KEYS_WITH_PREFIX)) {
            ps.setString(1, kind);
            ps.setString(2, likePrefix(prefix));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<KeyEntry> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(new KeyEntry(rs.getString(1), rs.getString(2)));
                }
                return result;
            }
        } catch (SQLException e) {
            throw store.failure("list lookup keys", e);
        }
    }

    @Override
    public void appendEvent(OutboxEvent.Draft event) {
        check();
        RecordLimits.event(event);
        try (PreparedStatement ps = connection.prepareStatement(INSERT_EVENT)) {
            ps.setString(1, event.aggregateType());
            ps.setString(2, event.aggregateId());
            ps.setString(3, event.type());
            ps.setString(4, event.payload());
            ps.setObject(5, offset(store.now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw store.failure("append outbox event", e);
        }
    }

    private long currentVersion(String kind, String id) {
        try (PreparedStatement ps = connection.prepareStatement(SELECT_VERSION)) {
            ps.setString(1, kind);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw store.failure("read record version", e);
        }
    }

    private void check() {
        if (!open) {
            throw new VentanillaException(ErrorCode.INTERNAL, "the transaction is over; use it only inside inTransaction");
        }
    }

    private static VentanillaException exists(String kind, String id) {
        return new VentanillaException(ErrorCode.CONFLICT, "record " + kind + " '" + id + "' exists already");
    }

    static String likePrefix(String prefix) {
        StringBuilder sb = new StringBuilder(prefix.length() + 2);
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '!' || c == '%' || c == '_') {
                sb.append('!');
            }
            sb.append(c);
        }
        return sb.append('%').toString();
    }

    static OffsetDateTime offset(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
