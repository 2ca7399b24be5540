package org.ventanilla.ops.health;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.ventanilla.core.port.RecordStore;

/** The node's standard health checks, built from the ports they watch. */
public final class HealthChecks {

    /** The database probe may wait for a pooled connection: give it a little more than the default. */
    public static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(3);

    private HealthChecks() {
    }

    /** {@code database}, critical: the records port answers a round trip. */
    public static HealthCheck database(RecordStore records) {
        return HealthCheck.critical("database", DATABASE_TIMEOUT, records::isReachable);
    }

    /** {@code redis}, critical: the Redis-backed ports (leases, cluster events) are connected. */
    public static HealthCheck redis(BooleanSupplier connected) {
        return HealthCheck.critical("redis", HealthCheck.DEFAULT_TIMEOUT, connected);
    }

    /** {@code channels}, reported only: which channel adapters run. */
    public static HealthCheck channels(int running) {
        return HealthCheck.informational("channels", HealthCheck.DEFAULT_TIMEOUT,
                () -> HealthCheck.Result.up(running == 0 ? "no channel adapter is wired yet" : running + " running"));
    }
}
