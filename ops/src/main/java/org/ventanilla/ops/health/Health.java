package org.ventanilla.ops.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the registered {@link HealthCheck}s and computes readiness. Probes run on a small dedicated worker pool, so
 * that a hung database cannot starve the shared one; a probe still running from an earlier request is joined rather
 * than started again. Changes of a check's state are logged once (up to down, down to up), not on every request.
 */
public final class Health implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Health.class);
    private static final int PROBE_THREADS = 4;

    private final List<Registered> checks;
    private final WorkerExecutor executor;
    private final AtomicBoolean draining = new AtomicBoolean();

    public Health(Vertx vertx, List<HealthCheck> checks) {
        List<Registered> registered = new ArrayList<>();
        for (HealthCheck check : checks) {
            if (registered.stream().anyMatch(r -> r.check.name().equals(check.name()))) {
                throw new IllegalArgumentException("health check '" + check.name() + "' is registered twice");
            }
            registered.add(new Registered(check));
        }
        this.checks = List.copyOf(registered);
        Duration longest = checks.stream().map(HealthCheck::timeout).max(Duration::compareTo).orElse(HealthCheck.DEFAULT_TIMEOUT);
        // probes past their timeout keep their thread until they return: warn only when one is really stuck
        this.executor = vertx.createSharedWorkerExecutor("ventanilla-health", PROBE_THREADS, longest.toMillis() * 10,
                TimeUnit.MILLISECONDS);
    }

    /** From now on the node reports itself not ready: a shutdown has started. */
    public void startDraining() {
        draining.set(true);
    }

    public boolean isDraining() {
        return draining.get();
    }

    /** Runs every check (concurrently, each within its timeout) and reports. Never fails. */
    public Future<HealthReport> report() {
        List<Future<HealthReport.Outcome>> outcomes = new ArrayList<>();
        for (Registered r : checks) {
            outcomes.add(r.run(executor));
        }
        return Future.join(outcomes).transform(ignored -> {
            Map<String, HealthReport.Outcome> byName = new LinkedHashMap<>();
            boolean ready = !draining.get();
            for (int i = 0; i < checks.size(); i++) {
                HealthReport.Outcome outcome = outcomes.get(i).result();
                byName.put(checks.get(i).check.name(), outcome);
                if (outcome.critical() && !outcome.up()) {
                    ready = false;
                }
            }
            return Future.succeededFuture(new HealthReport(ready, draining.get(), byName));
        });
    }

    @Override
    public void close() {
        executor.close();
    }

    /** A check with the probe in flight (if any) and the last state seen, for logging changes. */
    private static final class Registered {

        private final HealthCheck check;
        private Future<HealthCheck.Result> inFlight;
        private final AtomicReference<Boolean> lastUp = new AtomicReference<>();

        Registered(HealthCheck check) {
            this.check = check;
        }

        Future<HealthReport.Outcome> run(WorkerExecutor executor) {
            long start = System.nanoTime();
            Future<HealthCheck.Result> probe = probe(executor);
            long timeoutMillis = check.timeout().toMillis();
            return probe.timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                    .recover(failure -> Future.succeededFuture(failure instanceof TimeoutException
                            ? HealthCheck.Result.down("no answer within " + timeoutMillis + " ms")
                            : HealthCheck.Result.down("failed: " + failure.getClass().getSimpleName())))
                    .map(result -> {
                        logChange(result);
                        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                        return new HealthReport.Outcome(result.up(), check.critical(), result.detail(), millis);
                    });
        }

        /** The probe in flight, or a new one: a hung probe keeps one worker thread, never one per request. */
        private synchronized Future<HealthCheck.Result> probe(WorkerExecutor executor) {
            if (inFlight == null || inFlight.isComplete()) {
                inFlight = executor.executeBlocking(() -> check.probe().get(), false);
            }
            return inFlight;
        }

        private void logChange(HealthCheck.Result result) {
            Boolean previous = lastUp.getAndSet(result.up());
            if (previous == null && result.up() || previous != null && previous == result.up()) {
                return;
            }
            if (result.up()) {
                LOG.info("health check '{}' is up again: {}", check.name(), result.detail());
            } else if (check.critical()) {
                LOG.warn("health check '{}' is down, the node is not ready: {}", check.name(), result.detail());
            } else {
                LOG.warn("health check '{}' is down: {}", check.name(), result.detail());
            }
        }
    }
}
