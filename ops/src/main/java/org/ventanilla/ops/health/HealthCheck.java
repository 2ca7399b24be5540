package org.ventanilla.ops.health;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One thing the node depends on, checked on demand by {@link Health}. The probe may block (a database ping): it runs
 * on a worker thread, never on an event loop, and a probe that does not answer within {@code timeout} counts as down.
 * A critical check that is down makes the node not ready (HTTP 503 on {@code /health/ready}); a non-critical one is
 * only reported.
 *
 * @param name the key of this check in the health document ({@code database}, {@code redis}, {@code channels})
 * @param critical whether readiness depends on it
 * @param timeout how long the probe may take
 * @param probe the check itself; may block and may throw (a throw counts as down)
 */
public record HealthCheck(String name, boolean critical, Duration timeout, Supplier<Result> probe) {

    /** The default time a probe may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public HealthCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(probe, "probe");
        if (!name.matches("[a-z][a-zA-Z0-9]{0,31}")) {
            throw new IllegalArgumentException("health check name '" + name + "' is not allowed (a lower-case word, at most 32 letters)");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("health check '" + name + "' timeout " + timeout + " is not allowed (> 0)");
        }
    }

    /** A check that flips readiness, from a yes/no probe ({@code RecordStore::isReachable}). */
    public static HealthCheck critical(String name, Duration timeout, BooleanSupplier reachable) {
        return new HealthCheck(name, true, timeout, () -> reachable.getAsBoolean() ? Result.up("reachable") : Result.down("unreachable"));
    }

    /** A check that is reported but does not change readiness. */
    public static HealthCheck informational(String name, Duration timeout, Supplier<Result> probe) {
        return new HealthCheck(name, false, timeout, probe);
    }

    /**
     * What a probe found.
     *
     * @param up whether the dependency works
     * @param detail a short explanation for operators; never personal data nor secrets
     */
    public record Result(boolean up, String detail) {
        public Result {
            Objects.requireNonNull(detail, "detail");
        }

        public static Result up(String detail) {
            return new Result(true, detail);
        }

        public static Result down(String detail) {
            return new Result(false, detail);
        }
    }
}
