package org.ventanilla.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.ops.config.Settings;
import org.ventanilla.ops.health.Health;
import org.ventanilla.ops.health.HealthCheck;
import org.ventanilla.ops.metrics.MeterNames;
import org.ventanilla.ops.metrics.Metrics;

/**
 * One Ventanilla node: its Vert.x instance (with Micrometer metrics), its health checks and its one HTTP server,
 * plus whatever must be closed when it stops (stores, clients). {@link Wiring} builds it from the settings; tests
 * build it with their own checks and routes through the same {@link Builder}.
 *
 * <p>{@link #stop()} is graceful and idempotent: readiness turns false, the HTTP server stops accepting and lets
 * in-flight requests finish within {@code http.shutdownGraceSeconds}, then the registered resources are closed (on a
 * worker thread, in reverse order of registration), then Vert.x.
 */
public final class Server {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    /** How long closing Vert.x (and undeploying, beyond the grace period) may take before the stop goes on. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Settings settings;
    private final List<HealthCheck> checks;
    private final List<RouteContributor> routes;
    private final List<AutoCloseable> closeables;
    private final List<Consumer<Vertx>> startHooks;
    private final List<Consumer<MeterRegistry>> meterBinders;

    private Vertx vertx;
    private Metrics metrics;
    private Health health;
    private HttpVerticle httpVerticle;
    private String httpDeployment;
    private Future<Void> stopping;

    private Server(Builder builder) {
        this.settings = builder.settings;
        this.checks = List.copyOf(builder.checks);
        this.routes = List.copyOf(builder.routes);
        this.closeables = List.copyOf(builder.closeables);
        this.startHooks = List.copyOf(builder.startHooks);
        this.meterBinders = List.copyOf(builder.meterBinders);
    }

    /** A server for {@code settings}, with no checks, routes or resources yet. */
    public static Builder builder(Settings settings) {
        return new Builder(settings);
    }

    /** Starts Vert.x and the HTTP server; fails (having released everything) when the port cannot be bound. */
    public synchronized Future<Void> start() {
        if (vertx != null) {
            return Future.failedFuture(new IllegalStateException("the server was already started"));
        }
        metrics = Metrics.create(settings.node().id());
        Gauge.builder(MeterNames.INFO, () -> 1).tag(MeterNames.TAG_VERSION, Version.current()).register(metrics.registry());
        vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(metrics.vertxMetricsOptions()))
                .withMetrics(metrics.vertxMetricsFactory())
                .build();
        health = new Health(vertx, checks);
        for (Consumer<Vertx> hook : startHooks) {
            hook.accept(vertx);
        }
        for (Consumer<MeterRegistry> binder : meterBinders) {
            binder.accept(metrics.registry());
        }
        httpVerticle = new HttpVerticle(settings.http(), health, metrics, routes);
        Promise<Void> started = Promise.promise();
        vertx.deployVerticle(httpVerticle).onComplete(deployed -> {
            if (deployed.succeeded()) {
                synchronized (this) {
                    httpDeployment = deployed.result();
                }
                started.complete();
                return;
            }
            synchronized (this) {
                stopping = started.future().transform(ignored -> Future.succeededFuture());
            }
            // Vert.x cannot be closed from one of its own threads and then awaited: release from a plain thread
            Thread releaser = new Thread(() -> {
                releaseAll();
                started.fail(deployed.cause());
            }, "ventanilla-start-failed");
            releaser.start();
        });
        return started.future();
    }

    /** The port the HTTP server listens on. */
    public int port() {
        return httpVerticle == null ? -1 : httpVerticle.actualPort();
    }

    /** Where a person on this machine opens the console: {@code http://localhost:8080/console/}. */
    public String consoleUrl() {
        return baseUrl() + "/console/";
    }

    /** {@code http://localhost:8080}: the host people use to reach an any-interface server is this machine. */
    public String baseUrl() {
        String host = settings.http().host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
            host = "localhost";
        } else if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    /** The node's Vert.x instance, for wiring verticles of other modules. */
    public synchronized Vertx vertx() {
        return Objects.requireNonNull(vertx, "the server is not started");
    }

    /** The node's health, as {@code /health} reports it. */
    public synchronized Health health() {
        return Objects.requireNonNull(health, "the server is not started");
    }

    /** The node's metrics, as {@code /metrics} exposes them. */
    public synchronized Metrics metrics() {
        return Objects.requireNonNull(metrics, "the server is not started");
    }

    /**
     * Graceful stop (see the class comment). Calling it again returns the same future. Logs one line when it starts
     * and one when it ends. The work runs on a thread of its own (never a Vert.x thread, since it closes Vert.x).
     */
    public synchronized Future<Void> stop() {
        if (stopping != null) {
            return stopping;
        }
        Promise<Void> done = Promise.promise();
        stopping = done.future();
        if (vertx == null) {
            closeQuietly();
            done.complete();
            return stopping;
        }
        Thread stopper = new Thread(() -> {
            stopGracefully();
            done.complete();
        }, "ventanilla-stop");
        stopper.start();
        return stopping;
    }

    private void stopGracefully() {
        long start = System.nanoTime();
        Duration grace = settings.http().shutdownGrace();
        LOG.info("node {} shutting down: not ready, no new connections, in-flight requests have up to {} s to finish",
                settings.node().id(), grace.toSeconds());
        health.startDraining();
        String deployment;
        synchronized (this) {
            deployment = httpDeployment;
        }
        if (deployment != null) {
            awaitQuietly(vertx.undeploy(deployment), grace.plus(CLOSE_TIMEOUT), "stopping the HTTP server");
        }
        releaseAll();
        LOG.info("node {} stopped in {} ms", settings.node().id(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** Closes the registered resources (reverse order), then health, Vert.x and the meter registry. Blocks; never fails. */
    private void releaseAll() {
        closeQuietly();
        health.close();
        awaitQuietly(vertx.close(), CLOSE_TIMEOUT, "closing Vert.x");
        metrics.close();
    }

    private static void awaitQuietly(Future<?> future, Duration timeout, String what) {
        try {
            future.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} took longer than {} ms; going on", what, timeout.toMillis());
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", what, e.toString());
        }
    }

    private void closeQuietly() {
        List<AutoCloseable> reversed = new ArrayList<>(closeables);
        Collections.reverse(reversed);
        for (AutoCloseable closeable : reversed) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed while stopping: {}", closeable.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** Collects what a server is made of. */
    public static final class Builder {

        private final Settings settings;
        private final List<HealthCheck> checks = new ArrayList<>();
        private final List<RouteContributor> routes = new ArrayList<>();
        private final List<AutoCloseable> closeables = new ArrayList<>();
        private final List<Consumer<Vertx>> startHooks = new ArrayList<>();
        private final List<Consumer<MeterRegistry>> meterBinders = new ArrayList<>();

        private Builder(Settings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Adds a health check to {@code /health}. */
        public Builder healthCheck(HealthCheck check) {
            checks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /** Adds a module's routes to the HTTP server. */
        public Builder routes(RouteContributor contributor) {
            routes.add(Objects.requireNonNull(contributor, "contributor"));
            return this;
        }

        /** Closes {@code resource} when the server stops, after the HTTP server (reverse order of registration). */
        public Builder closeOnStop(AutoCloseable resource) {
            closeables.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /**
         * Runs {@code hook} with the node's Vert.x once it exists, before the HTTP server deploys (verticles of the
         * modules, consumers of the event bus, the outbox relay). Blocking work is allowed: it runs on the starting thread.
         */
        public Builder onStart(Consumer<Vertx> hook) {
            startHooks.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /**
         * Registers a module's meters with the node's registry (what {@code /metrics} exposes) once every
         * {@linkplain #onStart start hook} ran, so that what the hooks built (routing's engine) can be bound.
         */
        public Builder meters(Consumer<MeterRegistry> binder) {
            meterBinders.add(Objects.requireNonNull(binder, "binder"));
            return this;
        }

        public Server build() {
            return new Server(this);
        }
    }
}
