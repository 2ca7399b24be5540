package org.ventanilla.core.adapter.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Where the JDBC record store finds its database and how large its pool is.
 *
 * @param url {@code jdbc:h2:...} or {@code jdbc:postgresql://...}
 * @param user database user
 * @param password database password (never printed; may be empty)
 * @param maxPoolSize connections in the pool, at least {@value #MIN_POOL_SIZE}
 * @param connectionTimeout how long a caller waits for a connection before the store reports the database
 *        unreachable, at least 250 ms
 */
public record JdbcSettings(String url, String user, String password, int maxPoolSize, Duration connectionTimeout) {

    /** Smallest pool: a transaction may need a second connection to create a sequence on first use. */
    public static final int MIN_POOL_SIZE = 2;
    /** Largest pool accepted. */
    public static final int MAX_POOL_SIZE = 200;
    /** Pool size of {@link #h2File}. */
    public static final int DEFAULT_POOL_SIZE = 8;
    /** Connection timeout of {@link #h2File}. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** Shortest connection timeout HikariCP accepts. */
    public static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    /**
     * H2 settings appended to every {@link #h2File} URL. WRITE_DELAY=0 makes every commit write its changes to
     * the file before it returns (see docs/adr/0001-h2-durability.md); DB_CLOSE_ON_EXIT=FALSE leaves closing to
     * {@link JdbcRecordStore#close()}; LOCK_TIMEOUT bounds how long a transaction waits for a row another holds.
     */
    public static final String H2_OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

    public JdbcSettings {
        if (url == null || url.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "database url is missing");
        }
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "database url '" + redact(url)
                    + "' is not supported (allowed: jdbc:h2:... or jdbc:postgresql://...)");
        }
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (maxPoolSize < MIN_POOL_SIZE || maxPoolSize > MAX_POOL_SIZE) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "database pool size (" + maxPoolSize + ") must be between "
                    + MIN_POOL_SIZE + " and " + MAX_POOL_SIZE);
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "database connection timeout (" + connectionTimeout.toMillis()
                    + " ms) must be at least " + MIN_CONNECTION_TIMEOUT.toMillis() + " ms");
        }
    }

    /**
     * An embedded H2 database in the file {@code <dir>/ventanilla.mv.db}, with durable commits (see
     * {@link #H2_OPTIONS}), user {@code sa}, no password.
     */
    public static JdbcSettings h2File(Path dir) {
        Objects.requireNonNull(dir, "dir");
        String path = dir.toAbsolutePath().normalize().resolve("ventanilla").toString().replace('\\', '/');
        return new JdbcSettings("jdbc:h2:file:" + path + H2_OPTIONS, "sa", "", DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    /** The same settings with another pool size. */
    public JdbcSettings withMaxPoolSize(int size) {
        return new JdbcSettings(url, user, password, size, connectionTimeout);
    }

    /** The same settings with another connection timeout. */
    public JdbcSettings withConnectionTimeout(Duration timeout) {
        return new JdbcSettings(url, user, password, maxPoolSize, timeout);
    }

    /** The URL without its options or parameters, which may carry credentials: safe to print. */
    public String redactedUrl() {
        return redact(url);
    }

    boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + redactedUrl() + ", user=" + user + ", password=****, maxPoolSize=" + maxPoolSize
                + ", connectionTimeout=" + connectionTimeout + "]";
    }

    private static String redact(String url) {
        String cut = url;
        int options = indexOfAny(cut, ';', '?');
        if (options >= 0) {
            cut = cut.substring(0, options);
        }
        int at = cut.indexOf('@');
        int scheme = cut.indexOf("//");
        if (at > 0 && scheme >= 0 && at > scheme) {
            cut = cut.substring(0, scheme + 2) + cut.substring(at + 1);
        }
        return cut;
    }

    private static int indexOfAny(String s, char a, char b) {
        int ia = s.indexOf(a);
        int ib = s.indexOf(b);
        if (ia < 0) {
            return ib;
        }
        return ib < 0 ? ia : Math.min(ia, ib);
    }
}
