package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ventanilla.routing.engine.EngineHarness.agent;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.QueueMetrics;
import org.ventanilla.routing.api.RoutingAddresses;
import org.ventanilla.routing.model.OverflowAction;
import org.ventanilla.routing.model.QueueSpec;

/**
 * Every per-queue figure the issue names, as a Micrometer meter: waiting, longest wait, service level, average speed of
 * answer, abandonment, plus entered and overflowed; and the chat service-level target of 60 s by default.
 */
class QueueMetersTest {

    private final EngineHarness h = new EngineHarness()
            .queue(QueueSpec.builder("general").build())
            .queue(QueueSpec.builder("tramites").overflowAfter(Duration.ofMinutes(5), OverflowAction.toQueue("general")).build());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    QueueMetersTest() {
        RoutingMeters.bind(h.engine.metrics(), registry);
    }

    @Test
    void speedOfAnswerLongestWaitEnteredAndOverflowedAreMeters() {
        h.engine.defineAgent(agent("ana.gomez", "tramites").capacity(Channel.CHAT, 1).build());
        h.enqueue("chat-1", "tramites", Channel.CHAT, 5);
        h.seconds(20);
        h.enqueue("chat-2", "tramites", Channel.CHAT, 5);
        h.seconds(40);
        h.enqueue("chat-3", "tramites", Channel.CHAT, 5);
        h.engine.setAgentState(AgentStateChange.available("ana.gomez"));
        h.engine.accept("chat-1", "ana.gomez");

        assertThat(gauge(RoutingAddresses.METER_QUEUE_ASA, "tramites")).as("chat-1 answered after 60 s").isEqualTo(60.0);
        assertThat(gauge(RoutingAddresses.METER_QUEUE_LONGEST_WAIT, "tramites")).as("chat-2 has waited 40 s").isEqualTo(40.0);
        assertThat(gauge(RoutingAddresses.METER_QUEUE_WAITING, "tramites")).isEqualTo(2.0);
        assertThat(counter(RoutingAddresses.METER_QUEUE_ENTERED, "tramites")).isEqualTo(3.0);

        h.engine.complete("chat-1", "ana.gomez");
        h.engine.endWrapUp("chat-1", "ana.gomez");
        h.seconds(5);
        h.engine.accept("chat-2", "ana.gomez");
        assertThat(gauge(RoutingAddresses.METER_QUEUE_ASA, "tramites")).as("(60 s + 45 s) / 2").isEqualTo(52.5);

        h.engine.setAgentState(AgentStateChange.away("ana.gomez", "almuerzo"));
        h.seconds(300);

        assertThat(counter(RoutingAddresses.METER_QUEUE_OVERFLOWED, "tramites")).isEqualTo(1.0);
        assertThat(gauge(RoutingAddresses.METER_QUEUE_WAITING, "tramites")).isZero();
        assertThat(gauge(RoutingAddresses.METER_QUEUE_WAITING, "general")).isEqualTo(1.0);
        assertThat(counter(RoutingAddresses.METER_QUEUE_ENTERED, "general")).isEqualTo(1.0);
        assertThat(registry.get(RoutingAddresses.METER_AGENTS).tag(RoutingAddresses.TAG_STATE, "busy").gauge().value())
                .isEqualTo(1.0);
    }

    @Test
    void aChatAnsweredWithinSixtySecondsMeetsTheDefaultTargetAndOneAfterDoesNot() {
        h.engine.defineAgent(agent("ana.gomez", "tramites").capacity(Channel.CHAT, 2).build());
        h.enqueue("chat-viejo", "tramites", Channel.CHAT, 5);
        h.seconds(1);
        h.enqueue("chat-nuevo", "tramites", Channel.CHAT, 5);
        h.seconds(59);
        h.engine.setAgentState(AgentStateChange.available("ana.gomez"));
        h.engine.accept("chat-nuevo", "ana.gomez");
        h.seconds(2);
        h.engine.accept("chat-viejo", "ana.gomez");

        QueueMetrics queue = h.engine.metrics().queue("tramites").orElseThrow();
        assertThat(queue.answered()).isEqualTo(2);
        assertThat(queue.answeredWithinTarget()).as("'chat-nuevo' waited 59 s, 'chat-viejo' 62 s").isEqualTo(1);
        assertThat(gauge(RoutingAddresses.METER_QUEUE_SERVICE_LEVEL, "tramites")).isEqualTo(50.0);
        assertThat(h.engine.metrics().agent("ana.gomez").orElseThrow().state()).isEqualTo(AgentState.BUSY);
    }

    private double gauge(String name, String queueId) {
        return registry.get(name).tag(RoutingAddresses.TAG_QUEUE, queueId).gauge().value();
    }

    private double counter(String name, String queueId) {
        return registry.get(name).tag(RoutingAddresses.TAG_QUEUE, queueId).functionCounter().count();
    }
}
