package org.ventanilla.ops;

import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
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

    private final Settings settings;
    private final List<HealthCheck> checks;
    private final List<RouteContributor> routes;
    private final List<AutoCloseable> closeables;

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
        httpVerticle = new HttpVerticle(settings.http(), health, metrics, routes);
        return vertx.deployVerticle(httpVerticle)
                .<Void>map(id -> {
                    httpDeployment = id;
                    return null;
                })
                .recover(failure -> {
                    synchronized (this) {
                        stopping = Future.succeededFuture();
                    }
                    return releaseAll().transform(ignored -> Future.<Void>failedFuture(failure));
                });
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
     * and one when it ends.
     */
    public synchronized Future<Void> stop() {
        if (stopping != null) {
            return stopping;
        }
        if (vertx == null) {
            stopping = Future.succeededFuture();
            closeQuietly();
            return stopping;
        }
        long start = System.nanoTime();
        long graceSeconds = settings.http().shutdownGrace().toSeconds();
        LOG.info("node {} shutting down: not ready, no new connections, in-flight requests have up to {} s to finish",
                settings.node().id(), graceSeconds);
        health.startDraining();
        Future<?> httpStopped = httpDeployment == null ? Future.succeededFuture() : vertx.undeploy(httpDeployment);
        Promise<Void> done = Promise.promise();
        httpStopped
                .transform(ignored -> releaseAll())
                .onComplete(result -> {
                    LOG.info("node {} stopped in {} ms", settings.node().id(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                    done.complete();
                });
        stopping = done.future();
        return stopping;
    }

    /** Closes the registered resources (worker thread), then health, Vert.x and the meter registry. Never fails. */
    private Future<Void> releaseAll() {
        Vertx instance = vertx;
        return instance.executeBlocking(() -> {
            closeQuietly();
            return null;
        }).transform(ignored -> {
            health.close();
            return instance.close();
        }).transform(ignored -> {
            metrics.close();
            return Future.<Void>succeededFuture();
        });
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

        public Server build() {
            return new Server(this);
        }
    }
}
