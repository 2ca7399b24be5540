package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.testing.TestServices;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.QueueSpec;

/**
 * An offer the Redis sweep gave back (its node's lease lapsed for a moment, or the offer was older than the stale
 * limit, which the wiring sets to 2 minutes, the same as the email and Open311 offer timeout) is no longer the node's
 * to time out. When the node's timer for it comes, the node's timers must go on: the other timers due in the same tick
 * still fire.
 */
class SweptOfferTimerIT {

    private final MutableClock clock = new MutableClock(EngineHarness.START, EngineHarness.BOGOTA);
    private final List<RedisNode> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(RedisNode::close);
    }

    @Test
    void theTimerOfAnOfferTheSweepGaveBackDoesNotStopTheNodesOtherTimers() {
        RedisNode node = new RedisNode(TestServices.uniquePrefix(), "nodo-cali", clock);
        nodes.add(node);
        node.engine.defineQueue(QueueSpec.builder("tramites").build());
        node.engine.defineAgent(AgentSpec.builder("marta.rios").languages("es").queues("tramites").capacity(Channel.EMAIL, 2).build());
        node.engine.setAgentState(AgentStateChange.available("marta.rios"));
        Instant first = clock.instant();
        node.engine.enqueue(email("correo-1"));
        clock.advance(Duration.ofSeconds(1));
        node.engine.enqueue(email("correo-2"));

        Map<String, String> swept = node.state.sweep(first.plusSeconds(2), first);
        assertThat(swept).containsExactly(Map.entry("correo-1", "marta.rios"));

        clock.advance(RoutingSettings.DEFAULTS.offerTimeout(Channel.EMAIL));

        assertThatCode(node.engine::tick).doesNotThrowAnyException();
        assertThat(node.sink.events(RoutingEventType.TIMED_OUT)).extracting(RoutingEvent::itemId).contains("correo-2");
    }

    private static EnqueueRequest email(String itemId) {
        return new EnqueueRequest(itemId, "tramites", Channel.EMAIL, "tramites.licencias", List.of(), "es", 5);
    }
}
