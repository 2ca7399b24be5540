package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ventanilla.routing.api.RoutingAddresses;

/**
 * Routing's live metrics are exposed as Micrometer meters by a running node: per queue waiting, longest wait, service
 * level, average speed of answer, abandonment, and agents per state, in the node's {@code /metrics} scrape.
 */
class RoutingMetricsExposureIT {

    @Test
    void aNodesMetricsScrapeCarriesRoutingsQueueAndAgentMeters() throws Exception {
        Server server = Wiring.server(TestSettings.onFreePort(), Clock.systemUTC());
        server.start().await();
        try {
            server.vertx().eventBus().request(RoutingAddresses.ENQUEUE, new JsonObject().put("itemId", "correo-1")
                    .put("queueId", "impuestos").put("channel", "EMAIL").put("category", "impuestos.predial").put("priority", 3))
                    .await(10, TimeUnit.SECONDS);

            HttpResponse<String> scrape = TestHttp.get("http://127.0.0.1:" + server.port() + "/metrics");

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body())
                    .containsPattern("ventanilla_routing_queue_waiting\\{[^}]*queue=\"impuestos\"[^}]*\\} 1\\.0")
                    .contains("ventanilla_routing_queue_longest_wait")
                    .contains("ventanilla_routing_queue_service_level")
                    .contains("ventanilla_routing_queue_speed_of_answer")
                    .contains("ventanilla_routing_queue_abandoned_total")
                    .containsPattern("ventanilla_routing_agents\\{[^}]*state=\"available\"");
        } finally {
            server.stop().await(30, TimeUnit.SECONDS);
        }
    }
}
