package org.ventanilla.ops.metrics;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/** {@code GET /metrics}: every meter of the node in the Prometheus text format. */
public final class MetricsRoutes {

    private final Metrics metrics;

    public MetricsRoutes(Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Adds the route to {@code router}. */
    public void mount(Router router) {
        router.get("/metrics").handler(this::handleScrape);
    }

    void handleScrape(RoutingContext context) {
        context.response()
                .putHeader("Content-Type", Metrics.PROMETHEUS_CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(metrics.scrape());
    }
}
