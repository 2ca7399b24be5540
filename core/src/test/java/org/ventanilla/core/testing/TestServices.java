package org.ventanilla.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Where the integration tests find the real services they need, and a clear failure (with the command that
 * starts the service) when one is not running. Never skips.
 *
 * <p>PostgreSQL: {@code VENTANILLA_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}), user
 * {@code VENTANILLA_TEST_PG_USER} (default {@code postgres}), trust authentication. Redis:
 * {@code VENTANILLA_TEST_REDIS_URI} (default {@code redis://127.0.0.1:6379}).
 */
public final class TestServices {

    public static final String PG_START =
            "start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
                    + " (or run ops/test.sh, which installs it)";
    public static final String REDIS_START =
            "start it with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no"
                    + " (or run ops/test.sh, which installs it)";

    private TestServices() {
    }

    public static String postgresUrl() {
        return env("VENTANILLA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String postgresUser() {
        return env("VENTANILLA_TEST_PG_USER", "postgres");
    }

    public static String redisUri() {
        return env("VENTANILLA_TEST_REDIS_URI", "redis://127.0.0.1:6379");
    }

    /**
     * Creates a new empty schema in the test database and returns a JDBC URL whose connections use it, so that
     * tests (and helpers working in parallel) never see each other's tables.
     */
    public static String postgresUrlWithFreshSchema() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(postgresUrl(), postgresUser(), "");
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + postgresUrl() + " as " + postgresUser()
                    + " (" + e.getMessage() + "); " + PG_START, e);
        }
        String url = postgresUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Fails with the command that starts Redis when it does not answer PING. */
    public static void requireRedis() {
        URI uri = URI.create(redisUri());
        int port = uri.getPort() > 0 ? uri.getPort() : 6379;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 2000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[7];
            int n = in.read(buf);
            if (n <= 0 || !new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                throw new IllegalStateException("Redis at " + redisUri() + " did not answer PING; " + REDIS_START);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Redis is not reachable at " + redisUri() + " (" + e.getMessage() + "); " + REDIS_START, e);
        }
    }

    /** A prefix for Redis keys and channels unique to one test run. */
    public static String uniquePrefix() {
        return "test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
