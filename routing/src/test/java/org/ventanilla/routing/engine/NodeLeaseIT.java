package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.testing.TestServices;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.OfferEvent;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.QueueSpec;

/**
 * Nodes hold leases: when a node dies, the offers it made expire with its lease and their items return to the queue at
 * their place; a surviving node's sweep gives them back and its pull offers them to its own idle agent. Engines, not
 * just the live state, as the verticle and the wiring run them (sweep on the lease timer, pull on its own timer).
 */
class NodeLeaseIT {

    private final MutableClock clock = new MutableClock(EngineHarness.START, EngineHarness.BOGOTA);
    private final String prefix = TestServices.uniquePrefix();
    private final List<RedisNode> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(RedisNode::close);
    }

    @Test
    void whenANodeDiesItsOffersReturnAtTheirPlaceAndAnotherNodeOffersThemToItsIdleAgent() {
        RedisNode bogota = new RedisNode(prefix, "nodo-bogota", clock, RoutingSettings.DEFAULTS, Duration.ofMillis(500));
        nodes.add(bogota);
        RedisNode medellin = new RedisNode(prefix, "nodo-medellin", clock);
        nodes.add(medellin);
        for (RedisNode node : nodes) {
            node.engine.defineQueue(QueueSpec.builder("tramites").build());
            node.engine.defineAgent(voiceAgent("ana.gomez"));
            node.engine.defineAgent(voiceAgent("jose.nunez"));
        }
        medellin.engine.setAgentState(AgentStateChange.available("jose.nunez"));
        medellin.engine.enqueue(call("ocupa-jose"));
        medellin.engine.accept("ocupa-jose", "jose.nunez");
        bogota.engine.setAgentState(AgentStateChange.available("ana.gomez"));
        Instant firstArrived = clock.instant();
        bogota.engine.enqueue(call("llamada-1"));
        clock.advance(Duration.ofSeconds(5));
        bogota.engine.enqueue(call("llamada-2"));
        assertThat(bogota.sink.offers()).extracting(OfferEvent::itemId, OfferEvent::agentId)
                .containsExactly(tuple("llamada-1", "ana.gomez"));

        // Bogotá dies: it renews its lease no more and makes no more calls.
        Instant now = clock.instant();
        Map<String, String> returned = Awaitility.await("the lease of nodo-bogota lapses").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> medellin.state.sweep(now, now.minus(Duration.ofMinutes(2))), sweep -> !sweep.isEmpty());

        assertThat(returned).containsExactly(Map.entry("llamada-1", "ana.gomez"));
        assertThat(medellin.engine.item("llamada-1")).get()
                .extracting(WorkItemView::status, WorkItemView::arrivedAt, WorkItemView::agentId)
                .containsExactly(ItemStatus.WAITING, firstArrived, null);
        assertThat(medellin.state.agent("ana.gomez").orElseThrow().load()).isEmpty();

        medellin.engine.complete("ocupa-jose", "jose.nunez");
        medellin.engine.endWrapUp("ocupa-jose", "jose.nunez");

        assertThat(medellin.sink.offers()).as("back at its place: the older call goes first")
                .extracting(OfferEvent::itemId, OfferEvent::agentId)
                .containsExactly(tuple("ocupa-jose", "jose.nunez"), tuple("llamada-1", "jose.nunez"));
        medellin.engine.accept("llamada-1", "jose.nunez");
        assertThat(medellin.state.violations()).isZero();
    }

    @Test
    void anIdleAgentOfTheSurvivingNodeGetsTheReturnedOfferThroughItsPull() {
        RedisNode bogota = new RedisNode(prefix, "nodo-bogota", clock, RoutingSettings.DEFAULTS, Duration.ofMillis(500));
        nodes.add(bogota);
        RedisNode medellin = new RedisNode(prefix, "nodo-medellin", clock);
        nodes.add(medellin);
        for (RedisNode node : nodes) {
            node.engine.defineQueue(QueueSpec.builder("tramites").build());
            node.engine.defineAgent(voiceAgent("ana.gomez"));
            node.engine.defineAgent(voiceAgent("jose.nunez"));
        }
        bogota.engine.setAgentState(AgentStateChange.available("ana.gomez"));
        bogota.engine.enqueue(call("llamada-1"));
        medellin.engine.setAgentState(AgentStateChange.available("jose.nunez"));
        assertThat(medellin.sink.offers()).as("the call is ana's, offered by Bogotá").isEmpty();

        Instant now = clock.instant();
        Awaitility.await("the lease of nodo-bogota lapses").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> medellin.state.sweep(now, now.minus(Duration.ofMinutes(2))), sweep -> !sweep.isEmpty());
        medellin.engine.pullWork();

        assertThat(medellin.sink.offers()).extracting(OfferEvent::itemId, OfferEvent::agentId)
                .containsExactly(tuple("llamada-1", "jose.nunez"));
        assertThat(medellin.engine.item("llamada-1")).get().extracting(WorkItemView::status, WorkItemView::agentId)
                .containsExactly(ItemStatus.OFFERED, "jose.nunez");
    }

    private static AgentSpec voiceAgent(String id) {
        return AgentSpec.builder(id).languages("es").queues("tramites").capacity(Channel.VOICE, 1).build();
    }

    private static EnqueueRequest call(String itemId) {
        return new EnqueueRequest(itemId, "tramites", Channel.VOICE, "tramites.licencias", List.of(), "es", 5);
    }
}
