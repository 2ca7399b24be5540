package org.ventanilla.ops;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ventanilla.ops.config.Settings;
import org.ventanilla.ops.health.Health;
import org.ventanilla.ops.health.HealthRoutes;
import org.ventanilla.ops.http.ClientAddressHandler;
import org.ventanilla.ops.http.HttpErrorHandler;
import org.ventanilla.ops.http.TrustedProxies;
import org.ventanilla.ops.metrics.Metrics;
import org.ventanilla.ops.metrics.MetricsRoutes;

/**
 * The node's one HTTP server: assembles the route table (client address first, then health, metrics and every
 * module's routes, the error handler last) and listens. Undeploying it is the graceful part of a shutdown: the
 * server stops accepting and gives in-flight requests up to {@code http.shutdownGraceSeconds}.
 */
final class HttpVerticle extends VerticleBase {

    private final Settings.Http settings;
    private final Health health;
    private final Metrics metrics;
    private final List<RouteContributor> contributors;
    private volatile HttpServer server;

    HttpVerticle(Settings.Http settings, Health health, Metrics metrics, List<RouteContributor> contributors) {
        this.settings = settings;
        this.health = health;
        this.metrics = metrics;
        this.contributors = List.copyOf(contributors);
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.route().handler(new ClientAddressHandler(new TrustedProxies(settings.trustedProxies(), settings.forwardedHeader())));
        new HealthRoutes(health).mount(router);
        new MetricsRoutes(metrics).mount(router);
        contributors.forEach(c -> c.addRoutes(vertx, router));
        router.route().failureHandler(new HttpErrorHandler());
        // No clear-text HTTP/2 (h2c): behind a reverse proxy an "Upgrade: h2c" tunnel lets requests past the proxy's
        // rules (h2c smuggling). Proxies speak HTTP/1.1 to the node; browsers reach HTTP/2 only over TLS at the proxy.
        HttpServerOptions options = new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setHttp2ClearTextEnabled(false);
        HttpServer created = vertx.createHttpServer(options);
        return created.requestHandler(router).listen().onSuccess(listening -> server = listening);
    }

    @Override
    public Future<?> stop() {
        HttpServer listening = server;
        if (listening == null) {
            return Future.succeededFuture();
        }
        return listening.shutdown(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The port the server listens on (the chosen one when the configuration said 0). */
    int actualPort() {
        HttpServer listening = server;
        return listening == null ? -1 : listening.actualPort();
    }
}
