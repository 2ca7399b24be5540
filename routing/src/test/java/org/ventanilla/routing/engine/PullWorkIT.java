package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
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
 * {@link RoutingEngine#pullWork()} over the Redis live state, where an agent is bound to the node it signed in through
 * and only that node may offer it work: work queued on node A triggers nothing for node B's agents, and B's pull is
 * what offers it to them, exactly once, within capacity, even when several nodes pull at the same time.
 */
class PullWorkIT {

    private static final QueueSpec TRAMITES = QueueSpec.builder("tramites").build();

    private final MutableClock clock = new MutableClock(EngineHarness.START, EngineHarness.BOGOTA);
    private final String prefix = TestServices.uniquePrefix();
    private final List<RedisNode> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(RedisNode::close);
    }

    private RedisNode node(String nodeId) {
        RedisNode node = new RedisNode(prefix, nodeId, clock);
        nodes.add(node);
        node.engine.defineQueue(TRAMITES);
        return node;
    }

    private static AgentSpec chatAgent(String id, int chats) {
        return AgentSpec.builder(id).languages("es").queues("tramites").capacity(Channel.CHAT, chats).build();
    }

    private static EnqueueRequest chat(String itemId) {
        return new EnqueueRequest(itemId, "tramites", Channel.CHAT, "tramites.licencias", List.of(), "es", 5);
    }

    @Test
    void anItemQueuedOnNodeAIsOfferedByNodeBsPullToItsIdleAgentExactlyOnce() {
        RedisNode a = node("nodo-a");
        RedisNode b = node("nodo-b");
        a.engine.defineAgent(chatAgent("marta.rios", 2));
        b.engine.defineAgent(chatAgent("marta.rios", 2));
        b.engine.setAgentState(AgentStateChange.available("marta.rios"));

        a.engine.enqueue(chat("chat-1"));

        assertThat(a.sink.offers()).as("marta is bound to node B: node A may not offer her anything").isEmpty();
        assertThat(a.engine.item("chat-1")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.WAITING);

        a.engine.pullWork();
        assertThat(a.sink.offers()).as("node A's pull skips an agent of node B without failing").isEmpty();

        b.engine.pullWork();

        assertThat(b.sink.offers()).extracting(OfferEvent::itemId, OfferEvent::agentId).containsExactly(tuple("chat-1", "marta.rios"));
        assertThat(b.engine.item("chat-1")).get().extracting(WorkItemView::status, WorkItemView::agentId)
                .containsExactly(ItemStatus.OFFERED, "marta.rios");

        b.engine.pullWork();
        a.engine.pullWork();
        b.engine.pullWork();

        assertThat(b.sink.offers()).as("marta has a free chat slot left, and still the item is offered once").hasSize(1);
        assertThat(a.sink.offers()).isEmpty();
        assertThat(b.engine.agentState("marta.rios").load(Channel.CHAT)).isEqualTo(1);
        b.engine.accept("chat-1", "marta.rios");
        assertThat(a.engine.item("chat-1")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.ACCEPTED);
    }

    @Test
    void pullingFillsAnAgentUpToItsCapacityAndTheRestWaits() {
        RedisNode a = node("nodo-a");
        RedisNode b = node("nodo-b");
        b.engine.defineAgent(chatAgent("marta.rios", 2));
        b.engine.setAgentState(AgentStateChange.available("marta.rios"));
        for (int i = 1; i <= 3; i++) {
            a.engine.enqueue(chat("chat-" + i));
            clock.advance(Duration.ofSeconds(1));
        }

        b.engine.pullWork();
        b.engine.pullWork();

        assertThat(b.sink.offers()).extracting(OfferEvent::itemId).containsExactly("chat-1", "chat-2");
        assertThat(b.engine.agentState("marta.rios").load(Channel.CHAT)).isEqualTo(2);
        assertThat(a.engine.item("chat-3")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.WAITING);

        b.engine.accept("chat-1", "marta.rios");
        b.engine.complete("chat-1", "marta.rios");
        b.engine.endWrapUp("chat-1", "marta.rios");

        assertThat(b.sink.offers()).extracting(OfferEvent::itemId).containsExactly("chat-1", "chat-2", "chat-3");
        assertThat(b.state.violations()).isZero();
    }

    @Test
    void twoNodesPullingAtTheSameTimeNeverOfferAnItemTwiceNorGoBeyondCapacity() throws Exception {
        RedisNode a = node("nodo-a");
        RedisNode b = node("nodo-b");
        RedisNode c = node("nodo-c");
        for (int i = 0; i < 5; i++) {
            b.engine.defineAgent(chatAgent("agente-b" + i, 3));
            b.engine.setAgentState(AgentStateChange.available("agente-b" + i));
            c.engine.defineAgent(chatAgent("agente-c" + i, 3));
            c.engine.setAgentState(AgentStateChange.available("agente-c" + i));
        }
        for (int i = 0; i < 40; i++) {
            a.engine.enqueue(chat("chat-" + i));
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> pulls = new ArrayList<>();
            for (RedisNode puller : List.of(b, c)) {
                pulls.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 3; round++) {
                        puller.engine.pullWork();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> pull : pulls) {
                pull.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<OfferEvent> offers = new ArrayList<>(b.sink.offers());
        offers.addAll(c.sink.offers());
        assertThat(offers).as("10 agents with 3 chat slots each").hasSize(30);
        assertThat(new HashSet<>(offers.stream().map(OfferEvent::itemId).toList())).hasSize(30);
        assertThat(b.sink.offers()).extracting(OfferEvent::agentId).allMatch(id -> id.startsWith("agente-b"));
        assertThat(c.sink.offers()).extracting(OfferEvent::agentId).allMatch(id -> id.startsWith("agente-c"));
        Map<String, Integer> perAgent = new HashMap<>();
        offers.forEach(offer -> perAgent.merge(offer.agentId(), 1, Integer::sum));
        assertThat(perAgent.values()).containsOnly(3);
        assertThat(a.engine.waiting("tramites")).filteredOn(view -> view.status() == ItemStatus.WAITING).hasSize(10);
        assertThat(a.state.violations()).isZero();
    }

    @Test
    void pullingOverAnUnreachableLiveStateFailsWithUnavailable() {
        RedisNode b = node("nodo-b");
        b.engine.defineAgent(chatAgent("marta.rios", 2));
        b.engine.setAgentState(AgentStateChange.available("marta.rios"));
        b.state.close();

        assertThatThrownBy(b.engine::pullWork)
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }
}
