package org.ventanilla.ops.health;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * {@code /health} and {@code /health/ready} (the full document; 200 when ready, else 503) and {@code /health/live}
 * (200 while the process serves requests).
 */
public final class HealthRoutes {

    private static final String JSON = "application/json";

    private final Health health;

    public HealthRoutes(Health health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    /** Adds the three routes to {@code router}. */
    public void mount(Router router) {
        router.get("/health").handler(this::handleReady);
        router.get("/health/ready").handler(this::handleReady);
        router.get("/health/live").handler(this::handleLive);
    }

    void handleReady(RoutingContext context) {
        health.report().onComplete(done -> {
            if (done.failed()) {
                context.fail(done.cause());
                return;
            }
            HealthReport report = done.result();
            context.response()
                    .setStatusCode(report.ready() ? 200 : 503)
                    .putHeader("Content-Type", JSON)
                    .putHeader("Cache-Control", "no-store")
                    .end(report.toJson().encode());
        });
    }

    void handleLive(RoutingContext context) {
        context.response()
                .putHeader("Content-Type", JSON)
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("live", true).encode());
    }
}
