package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.routing.api.RoutingAddresses;

/**
 * The routing meters of a running node's {@code /metrics} follow its work: a call queued raises the queue's waiting
 * and entered figures, its wait grows the longest wait, an agent signing in is counted as available, an answer gives a
 * service level and a speed of answer, and a call that waits the queue's maximum is counted as overflowed.
 */
class RoutingMetersIT {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final ShiftedClock clock = ShiftedClock.startingAt(ChatTwoProcessesIT.officeHoursInBogota());
    private Server server;

    @BeforeEach
    void startNode() {
        server = Wiring.server(TestSettings.onFreePort(), clock);
        server.start().await();
    }

    @AfterEach
    void stopNode() throws Exception {
        server.stop().await(30, TimeUnit.SECONDS);
    }

    @Test
    void theQueueAndAgentMetersChangeWithTheWork() {
        assertThat(queueMeter("ventanilla_routing_queue_waiting", "tramites")).isEqualTo(0.0);
        assertThat(queueMeter("ventanilla_routing_queue_entered_total", "tramites")).isEqualTo(0.0);
        assertThat(queueMeter("ventanilla_routing_queue_overflowed_total", "tramites")).isEqualTo(0.0);
        assertThat(queueMeter("ventanilla_routing_queue_service_level", "tramites")).as("nothing answered or lost yet").isEqualTo(100.0);
        assertThat(meter("ventanilla_routing_agents", "state", "available")).isEqualTo(0.0);

        enqueueCall("llamada-certificado-1");

        awaitMeter("ventanilla_routing_queue_waiting", "tramites", 1.0);
        assertThat(queueMeter("ventanilla_routing_queue_entered_total", "tramites")).isEqualTo(1.0);

        clock.advance(Duration.ofMinutes(2));
        await("the longest wait of tramites past 2 minutes").atMost(LIMIT)
                .until(() -> queueMeter("ventanilla_routing_queue_longest_wait", "tramites") >= 120.0);

        // an agent who signs in is offered the waiting call and answers it
        request(RoutingAddresses.AGENT_PROFILE, new JsonObject().put("id", "usr-yolanda-perea")
                .put("skills", new JsonObject().put("tramites", 4)).put("languages", new JsonArray().add("es"))
                .put("queues", new JsonArray().add("tramites")).put("teams", new JsonArray().add("atencion-ciudadano"))
                .put("capacity", new JsonObject().put("VOICE", 1)));
        request(RoutingAddresses.AGENT_STATE, new JsonObject().put("agentId", "usr-yolanda-perea").put("state", "AVAILABLE"));
        request(RoutingAddresses.OFFER_REPLY, new JsonObject().put("itemId", "llamada-certificado-1")
                .put("agentId", "usr-yolanda-perea").put("accepted", true));

        awaitMeter("ventanilla_routing_queue_waiting", "tramites", 0.0);
        assertThat(queueMeter("ventanilla_routing_queue_answered_total", "tramites")).isEqualTo(1.0);
        assertThat(queueMeter("ventanilla_routing_queue_speed_of_answer", "tramites")).isGreaterThanOrEqualTo(120.0);
        assertThat(queueMeter("ventanilla_routing_queue_service_level", "tramites"))
                .as("answered after 2 minutes against a 20 s target").isEqualTo(0.0);
        assertThat(meter("ventanilla_routing_agents", "state", "busy")).isEqualTo(1.0);

        // the next call waits alone, past the queue's 5 minutes, and overflows to a callback
        enqueueCall("llamada-certificado-2");
        awaitMeter("ventanilla_routing_queue_waiting", "tramites", 1.0);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        awaitMeter("ventanilla_routing_queue_overflowed_total", "tramites", 1.0);
        assertThat(queueMeter("ventanilla_routing_queue_waiting", "tramites")).isEqualTo(0.0);
        assertThat(queueMeter("ventanilla_routing_queue_entered_total", "tramites")).isEqualTo(2.0);
    }

    private void enqueueCall(String itemId) {
        request(RoutingAddresses.ENQUEUE, new JsonObject().put("itemId", itemId).put("queueId", "tramites").put("channel", "VOICE")
                .put("category", "certificado-residencia").put("priority", 5));
    }

    private void request(String address, JsonObject body) {
        try {
            server.vertx().eventBus().request(address, body).await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer from " + address + " within 10 s", e);
        }
    }

    private void awaitMeter(String name, String queue, double expected) {
        await(name + " of " + queue + " at " + expected).atMost(LIMIT).until(() -> queueMeter(name, queue) == expected);
    }

    private double queueMeter(String name, String queue) {
        return meter(name, "queue", queue);
    }

    /** The value of the sample of {@code name} whose tag {@code tag} is {@code value}, in a fresh scrape. */
    private double meter(String name, String tag, String value) {
        HttpResponse<String> scrape = TestHttp.get("http://127.0.0.1:" + server.port() + "/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*" + tag + "=\"" + Pattern.quote(value)
                + "\"[^}]*\\} (\\S+)$").matcher(scrape.body());
        assertThat(sample.find()).as("a sample of %s{%s=\"%s\"} in the scrape", name, tag, value).isTrue();
        return Double.parseDouble(sample.group(1));
    }
}
