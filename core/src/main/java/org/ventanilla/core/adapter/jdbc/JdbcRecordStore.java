package org.ventanilla.core.adapter.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Context;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.OutboxEvent;
import org.ventanilla.core.port.RecordLimits;
import org.ventanilla.core.port.RecordStore;

/**
 * The records port on H2 (embedded, file) or PostgreSQL, through a HikariCP pool, with the schema kept by Flyway
 * ({@code db/migration}, one set for both databases).
 *
 * <p>Every method blocks and refuses to run on a Vert.x event-loop thread. When the database cannot be reached
 * (down at start or lost later) calls fail with {@link ErrorCode#UNAVAILABLE}, {@link #isReachable()} answers
 * false, and the store recovers by itself once the database is back: the schema is migrated on the first call
 * that reaches it.
 *
 * <p>Sequences are database sequences created on first use, so their values are unique and increasing across
 * threads and nodes. A call to {@link #nextInSequence} inside a transaction of the same thread reuses that
 * transaction's connection (the value is not rolled back with it).
 */
public final class JdbcRecordStore implements RecordStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcRecordStore.class);

    private static final String UNPUBLISHED = "SELECT seq, aggregate_type, aggregate_id, type, payload, created_at FROM outbox"
            + " WHERE published_at IS NULL ORDER BY seq FETCH FIRST ? ROWS ONLY";
    private static final String MARK_PUBLISHED = "UPDATE outbox SET published_at = ? WHERE seq = ? AND published_at IS NULL";
    private static final int MAX_SEQUENCE_IDENTIFIER_STEM = 40;

    private final JdbcSettings settings;
    private final Dialect dialect;
    private final Clock clock;
    private final HikariDataSource dataSource;
    private final Set<String> knownSequences = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<JdbcTransaction> current = new ThreadLocal<>();
    private final Object migrationLock = new Object();
    private volatile boolean migrated;

    private JdbcRecordStore(JdbcSettings settings, Clock clock) {
        this.settings = settings;
        this.dialect = Dialect.of(settings);
        this.clock = clock;
        this.dataSource = new HikariDataSource(poolConfig(settings, dialect));
    }

    /** Opens the store with the system clock (UTC); see {@link #create(JdbcSettings, Clock)}. */
    public static JdbcRecordStore create(JdbcSettings settings) {
        return create(settings, Clock.systemUTC());
    }

    /**
     * Opens the pool and migrates the schema. A database that cannot be reached now is not an error here: the
     * store is returned, logs a warning, and calls fail with UNAVAILABLE until the database answers.
     *
     * @throws VentanillaException INTERNAL when called on an event loop or when a migration fails
     */
    public static JdbcRecordStore create(JdbcSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        requireWorkerThread("create");
        JdbcRecordStore store = new JdbcRecordStore(settings, clock);
        try {
            store.ensureMigrated();
        } catch (VentanillaException e) {
            if (e.code() != ErrorCode.UNAVAILABLE) {
                store.close();
                throw e;
            }
            LOG.warn("Record store starts without its database: {}", e.getMessage());
        }
        return store;
    }

    /** The settings this store was opened with. */
    public JdbcSettings settings() {
        return settings;
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        requireWorkerThread("inTransaction");
        if (current.get() != null) {
            throw new VentanillaException(ErrorCode.INTERNAL,
                    "inTransaction was called inside a transaction; nested transactions are not supported");
        }
        ensureMigrated();
        Connection connection = borrow();
        JdbcTransaction tx = new JdbcTransaction(this, connection, dialect);
        boolean committed = false;
        current.set(tx);
        try {
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                throw failure("begin transaction", e);
            }
            T result = work.run(tx);
            tx.end();
            try {
                connection.commit();
            } catch (SQLException e) {
                if (SqlFailures.isConnectionFailure(e)) {
                    throw new VentanillaException(ErrorCode.UNAVAILABLE, "database " + settings.redactedUrl()
                            + " is unreachable at commit: the outcome of the transaction is unknown", e);
                }
                throw failure("commit", e);
            }
            committed = true;
            return result;
        } finally {
            current.remove();
            tx.end();
            if (!committed) {
                rollbackQuietly(connection);
            }
            closeQuietly(connection);
        }
    }

    @Override
    public void ensureSequence(String name) {
        RecordLimits.sequenceName(name);
        requireWorkerThread("ensureSequence");
        ensureMigrated();
        String identifier = sequenceIdentifier(name);
        if (!knownSequences.contains(identifier)) {
            createSequence(identifier);
        }
    }

    @Override
    public long nextInSequence(String name) {
        RecordLimits.sequenceName(name);
        requireWorkerThread("nextInSequence");
        ensureMigrated();
        String identifier = sequenceIdentifier(name);
        if (!knownSequences.contains(identifier)) {
            createSequence(identifier);
        }
        JdbcTransaction tx = current.get();
        try {
            if (tx != null) {
                return nextValue(tx.connection(), identifier);
            }
            try (Connection connection = borrow()) {
                try {
                    return nextValue(connection, identifier);
                } catch (MissingSequence e) {
                    // Dropped behind our back (a restore, an operator): make it again, once.
                    knownSequences.remove(identifier);
                    createSequence(identifier);
                    return nextValue(connection, identifier);
                }
            } catch (SQLException e) {
                throw failure("take next sequence value", e);
            }
        } catch (MissingSequence e) {
            knownSequences.remove(identifier);
            throw new VentanillaException(ErrorCode.INTERNAL, "sequence '" + name + "' vanished from the database while in use; retry",
                    e.getCause());
        }
    }

    @Override
    public List<OutboxEvent> unpublishedEvents(int limit) {
        RecordLimits.limit(limit);
        requireWorkerThread("unpublishedEvents");
        ensureMigrated();
        try (Connection connection = borrow(); PreparedStatement ps = connection.prepareStatement(UNPUBLISHED)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<OutboxEvent> events = new ArrayList<>();
                while (rs.next()) {
                    events.add(new OutboxEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            JdbcTransaction.instant(rs, 6)));
                }
                return events;
            }
        } catch (SQLException e) {
            throw failure("read unpublished events", e);
        }
    }

    @Override
    public void markPublished(List<Long> sequences) {
        Objects.requireNonNull(sequences, "sequences");
        requireWorkerThread("markPublished");
        if (sequences.isEmpty()) {
            return;
        }
        ensureMigrated();
        try (Connection connection = borrow()) {
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(MARK_PUBLISHED)) {
                ps.setObject(1, JdbcTransaction.offset(now()));
                for (Long sequence : sequences) {
                    ps.setLong(2, sequence);
                    ps.addBatch();
                }
                ps.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("mark events published", e);
        }
    }

    @Override
    public boolean isReachable() {
        requireWorkerThread("isReachable");
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(validationSeconds())) {
                return false;
            }
        } catch (SQLException e) {
            LOG.debug("Database {} is unreachable", settings.redactedUrl(), e);
            return false;
        }
        try {
            ensureMigrated();
            return true;
        } catch (VentanillaException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    VentanillaException failure(String operation, SQLException e) {
        return SqlFailures.map(operation, e, settings.redactedUrl());
    }

    private Connection borrow() {
        if (dataSource.isClosed()) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE, "the record store of " + settings.redactedUrl() + " is closed");
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlFailures.unreachable(settings.redactedUrl(), e);
        }
    }

    private void ensureMigrated() {
        if (migrated) {
            return;
        }
        synchronized (migrationLock) {
            if (migrated) {
                return;
            }
            if (dataSource.isClosed()) {
                throw new VentanillaException(ErrorCode.UNAVAILABLE, "the record store of " + settings.redactedUrl() + " is closed");
            }
            // Probe first: Flyway would wrap the connection failure in its own words.
            closeQuietly(borrow());
            try {
                Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .placeholders(Map.of("keyCollation", dialect.keyCollation()))
                        .load()
                        .migrate();
            } catch (FlywayException e) {
                if (SqlFailures.isConnectionFailure(e)) {
                    throw SqlFailures.unreachable(settings.redactedUrl(), e);
                }
                throw new VentanillaException(ErrorCode.INTERNAL, "migrating the schema of " + settings.redactedUrl() + " failed", e);
            }
            if (dialect == Dialect.H2) {
                makeH2CommitsDurable();
            }
            migrated = true;
            LOG.info("Record store ready on {}", settings.redactedUrl());
        }
    }

    /**
     * WRITE_DELAY is a persistent setting of the database file: set it here too, so that a URL without it (an
     * operator's own) still gets commits that survive a crash of the process (docs/adr/0001-h2-durability.md).
     */
    private void makeH2CommitsDurable() {
        try (Connection connection = borrow(); Statement s = connection.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            LOG.warn("Could not set WRITE_DELAY 0 on {} (SQLState {}): commits may be lost if the process dies",
                    settings.redactedUrl(), e.getSQLState());
        }
    }

    /**
     * Creates a sequence once. Serialised within this process (H2 reports concurrent DDL on one object in ways that
     * are not a plain duplicate); across nodes PostgreSQL's duplicate errors are taken as success below.
     */
    private synchronized void createSequence(String identifier) {
        if (knownSequences.contains(identifier)) {
            return;
        }
        try (Connection connection = borrow(); Statement s = connection.createStatement()) {
            s.execute(dialect.createSequenceSql(identifier));
        } catch (SQLException e) {
            // Two callers (threads or nodes) created it at once: PostgreSQL reports a duplicate, which is fine.
            if (!SqlFailures.isUniqueViolation(e) && !"42P07".equals(e.getSQLState()) && !"90035".equals(e.getSQLState())) {
                throw failure("create sequence", e);
            }
        }
        knownSequences.add(identifier);
    }

    private long nextValue(Connection connection, String identifier) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(dialect.nextValueSql(identifier))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if (SqlFailures.isMissingSequence(e)) {
                throw new MissingSequence(e);
            }
            throw failure("take next sequence value", e);
        }
    }

    /**
     * A SQL identifier for a sequence name: a readable stem of safe characters and a hash of the whole name, so
     * that names differing only in unsafe characters ({@code radicado:2026} and {@code radicado/2026}) stay apart.
     */
    static String sequenceIdentifier(String name) {
        StringBuilder stem = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (stem.length() == MAX_SEQUENCE_IDENTIFIER_STEM) {
                break;
            }
            stem.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "seq_" + stem + "_" + HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private int validationSeconds() {
        return (int) Math.max(1, Math.min(5, settings.connectionTimeout().toSeconds()));
    }

    private static HikariConfig poolConfig(JdbcSettings settings, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ventanilla-records");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        long timeout = settings.connectionTimeout().toMillis();
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.max(250, Math.min(timeout, 5000)));
        // Start without connections: a database that is down at start must not stop the server.
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (dialect == Dialect.POSTGRESQL) {
            // Keeps values (keys, identifiers) out of exception texts; and bounds the TCP connect.
            config.addDataSourceProperty("logServerErrorDetail", "false");
            config.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, settings.connectionTimeout().toSeconds())));
            config.addDataSourceProperty("tcpKeepAlive", "true");
            // Like H2's LOCK_TIMEOUT: a transaction waiting for a row another holds gives up (CONFLICT) after 10 s.
            config.setConnectionInitSql("SET lock_timeout = '10s'");
        }
        return config;
    }

    private static void requireWorkerThread(String operation) {
        if (Context.isOnEventLoopThread()) {
            throw new VentanillaException(ErrorCode.INTERNAL, "the JDBC record store was called (" + operation
                    + ") on the Vert.x event loop '" + Thread.currentThread().getName()
                    + "'; run it with executeBlocking or on a worker verticle");
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken: the database rolls the transaction back itself.
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Returning a broken connection to the pool: the pool drops it.
        }
    }

    /** The sequence vanished between our creation and its use. */
    private static final class MissingSequence extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingSequence(SQLException cause) {
            super(cause);
        }
    }
}
