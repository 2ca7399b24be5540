package org.ventanilla.ops.health;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The node's health at one moment: live (it answers), ready (every critical check is up and it is not shutting
 * down) and each check's outcome.
 *
 * @param ready whether the node should receive traffic
 * @param draining whether a shutdown has started
 * @param checks each check's outcome, in registration order
 */
public record HealthReport(boolean ready, boolean draining, Map<String, Outcome> checks) {

    public HealthReport {
        checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    /**
     * One check's outcome.
     *
     * @param up whether it is up
     * @param critical whether readiness depends on it
     * @param detail the probe's explanation, or why it counted as down
     * @param millis how long the probe took
     */
    public record Outcome(boolean up, boolean critical, String detail, long millis) {
    }

    /** {@code {"status":"UP|DOWN","live":true,"ready":bool,"checks":{"database":{"up":true,...}}}}. */
    public JsonObject toJson() {
        JsonObject checksJson = new JsonObject();
        checks.forEach((name, outcome) -> checksJson.put(name, new JsonObject()
                .put("up", outcome.up())
                .put("critical", outcome.critical())
                .put("detail", outcome.detail())
                .put("millis", outcome.millis())));
        JsonObject json = new JsonObject()
                .put("status", ready ? "UP" : "DOWN")
                .put("live", true)
                .put("ready", ready);
        if (draining) {
            json.put("draining", true);
        }
        return json.put("checks", checksJson);
    }
}
