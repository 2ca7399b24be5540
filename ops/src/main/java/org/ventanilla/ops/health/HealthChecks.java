package org.ventanilla.ops.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
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

    /** Free space below which the attachments disk counts as full. */
    public static final long MIN_FREE_BYTES = 64L * 1024 * 1024;

    /**
     * {@code attachments}, critical: the attachments folder exists, takes a new file, and has at least
     * {@link #MIN_FREE_BYTES} free (a full disk makes the node not ready rather than failing uploads one by one).
     */
    public static HealthCheck attachments(Path directory, LongSupplier freeBytes) {
        return new HealthCheck("attachments", true, HealthCheck.DEFAULT_TIMEOUT, () -> {
            try {
                Files.createDirectories(directory);
                Path probe = Files.createTempFile(directory, ".health", ".tmp");
                Files.delete(probe);
            } catch (IOException | RuntimeException e) {
                return HealthCheck.Result.down("attachments folder " + directory + " is not writable (" + e.getMessage() + ")");
            }
            long free = freeBytes.getAsLong();
            if (free < MIN_FREE_BYTES) {
                return HealthCheck.Result.down("attachments disk is full: " + free + " bytes free, at least " + MIN_FREE_BYTES
                        + " needed");
            }
            return HealthCheck.Result.up(free / (1024 * 1024) + " MiB free");
        });
    }

    /** The usable space of the file store holding {@code directory} (0 when it cannot be read). */
    public static LongSupplier usableSpace(Path directory) {
        return () -> {
            try {
                return Files.getFileStore(directory).getUsableSpace();
            } catch (IOException e) {
                return 0;
            }
        };
    }

    /** {@code channels}, reported only: which channel adapters run. */
    public static HealthCheck channels(int running) {
        return HealthCheck.informational("channels", HealthCheck.DEFAULT_TIMEOUT,
                () -> HealthCheck.Result.up(running == 0 ? "no channel adapter is wired yet" : running + " running"));
    }
}
