package org.ventanilla.routing.state.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.testing.TestServices;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.model.WorkItem;
import org.ventanilla.routing.state.AssignTrigger;
import org.ventanilla.routing.state.LiveItem;
import org.ventanilla.routing.state.LiveState;
import org.ventanilla.routing.state.LiveStateContract;

class RedisLiveStateIT implements LiveStateContract {

    private final List<RedisLiveState> opened = new ArrayList<>();

    @Override
    public LiveState newState() {
        return open(TestServices.uniquePrefix(), "nodo-1");
    }

    private RedisLiveState open(String prefix, String node) {
        TestServices.requireRedis();
        RedisLiveState state = RedisLiveState.create(TestServices.redisUri(), prefix, node);
        opened.add(state);
        return state;
    }

    @AfterEach
    void closeStates() {
        opened.forEach(RedisLiveState::close);
    }

    private static WorkItem chat(String id, Instant arrived) {
        return new WorkItem(id, "tramites", Channel.CHAT, "tramites.licencias", List.of(), "es", 5, arrived,
                Duration.ofSeconds(60), null);
    }

    @Test
    void anOfferOfANodeWhoseLeaseLapsedGoesBackToItsQueueAndAnotherNodeServesIt() {
        String prefix = TestServices.uniquePrefix();
        RedisLiveState bogota = open(prefix, "nodo-bogota");
        RedisLiveState medellin = open(prefix, "nodo-medellin");
        assertThat(bogota.heartbeat(Duration.ofMillis(200))).isTrue();
        assertThat(medellin.heartbeat(Duration.ofMinutes(1))).isTrue();
        bogota.putQueue(QueueSpec.builder("tramites").build());
        bogota.putAgent(AgentSpec.builder("ana").languages("es").queues("tramites").capacity(Channel.CHAT, 1).build(), T0);
        bogota.putAgent(AgentSpec.builder("jose").languages("es").queues("tramites").capacity(Channel.CHAT, 1).build(), T0);
        bogota.setPresence("ana", AgentState.AVAILABLE, null, T0);
        medellin.setPresence("jose", AgentState.AVAILABLE, null, T0.plusSeconds(1));
        bogota.enqueue(chat("chat-1", T0), 100);

        assertThat(bogota.assignNext(AssignTrigger.forItem("chat-1"), T0.plusSeconds(2))).get()
                .extracting(a -> a.agentId()).as("a node offers only to its own agents").isEqualTo("ana");
        assertThat(medellin.sweep(T0.plusSeconds(3), T0.minusSeconds(60))).as("bogota still holds its lease").isEmpty();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> !medellin.sweep(T0.plusSeconds(3), T0.minusSeconds(60)).isEmpty());
        assertThat(medellin.item("chat-1").orElseThrow().status()).isEqualTo(ItemStatus.WAITING);
        assertThat(medellin.item("chat-1").orElseThrow().item().arrivedAt()).isEqualTo(T0);
        assertThat(medellin.agent("ana").orElseThrow().load()).isEmpty();
        assertThat(medellin.assignNext(AssignTrigger.forAgent("jose"), T0.plusSeconds(4))).get()
                .extracting(a -> a.item().id()).isEqualTo("chat-1");

        assertThat(medellin.adopt(List.of("ana", "jose"), T0.plusSeconds(5))).containsExactly("ana");
        assertThat(medellin.violations()).isZero();
    }

    @Test
    void aWrapUpHeldByANodeWhoseLeaseLapsedIsEndedByTheSweepOfAnother() {
        String prefix = TestServices.uniquePrefix();
        RedisLiveState bogota = open(prefix, "nodo-bogota");
        RedisLiveState medellin = open(prefix, "nodo-medellin");
        assertThat(bogota.heartbeat(Duration.ofMillis(300))).isTrue();
        assertThat(medellin.heartbeat(Duration.ofMinutes(1))).isTrue();
        bogota.putQueue(QueueSpec.builder("tramites").build());
        for (String agent : List.of("ana", "jose")) {
            bogota.putAgent(AgentSpec.builder(agent).languages("es").queues("tramites").capacity(Channel.CHAT, 1).build(), T0);
        }
        bogota.setPresence("ana", AgentState.AVAILABLE, null, T0);
        medellin.setPresence("jose", AgentState.AVAILABLE, null, T0);
        bogota.enqueueAndAssign(chat("chat-ana", T0), 100, T0);
        medellin.enqueueAndAssign(chat("chat-jose", T0), 100, T0);
        bogota.accept("chat-ana", "ana", T0.plusSeconds(1));
        medellin.accept("chat-jose", "jose", T0.plusSeconds(1));
        bogota.complete("chat-ana", "ana", T0.plusSeconds(30));
        medellin.complete("chat-jose", "jose", T0.plusSeconds(30));

        assertThat(medellin.sweepWrapUps(T0.plusSeconds(31))).as("bogota still holds its lease").isEmpty();
        List<LiveItem> ended = new java.util.ArrayList<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> ended.addAll(medellin.sweepWrapUps(T0.plusSeconds(32))));

        assertThat(ended).singleElement().satisfies(live -> {
            assertThat(live.item().id()).isEqualTo("chat-ana");
            assertThat(live.agentId()).isEqualTo("ana");
            assertThat(live.status()).isEqualTo(ItemStatus.WRAP_UP);
        });
        assertThat(medellin.item("chat-ana")).as("the dead node's wrap-up ended").isEmpty();
        assertThat(medellin.agent("ana").orElseThrow().load()).as("ana's slot is free").isEmpty();
        assertThat(medellin.item("chat-jose").orElseThrow().status()).as("a live node's wrap-up is its own")
                .isEqualTo(ItemStatus.WRAP_UP);
        medellin.endWrapUp("chat-jose", "jose", T0.plusSeconds(40));
        assertThat(medellin.sweepWrapUps(T0.plusSeconds(41))).isEmpty();
        assertThat(medellin.items()).isEmpty();
    }

    @Test
    void aStaleOfferIsGivenBackByTheSweepEvenWhileItsNodeLives() {
        RedisLiveState state = open(TestServices.uniquePrefix(), "nodo-cali");
        state.heartbeat(Duration.ofMinutes(1));
        state.putQueue(QueueSpec.builder("tramites").build());
        state.putAgent(AgentSpec.builder("ana").languages("es").queues("tramites").capacity(Channel.CHAT, 1).build(), T0);
        state.setPresence("ana", AgentState.AVAILABLE, null, T0);
        state.enqueue(chat("chat-1", T0), 100);
        state.assignNext(AssignTrigger.forItem("chat-1"), T0.plusSeconds(1));

        assertThat(state.sweep(T0.plusSeconds(2), T0)).isEmpty();
        Map<String, String> returned = state.sweep(T0.plusSeconds(100), T0.plusSeconds(40));

        assertThat(returned).containsExactly(Map.entry("chat-1", "ana"));
        assertThat(state.item("chat-1").orElseThrow().status()).isEqualTo(ItemStatus.WAITING);
    }

    @Test
    void redisUnreachableIsAClearUnavailableFailure() {
        assertThatThrownBy(() -> RedisLiveState.create("redis://127.0.0.1:1", TestServices.uniquePrefix(), "nodo-1"))
                .isInstanceOfSatisfying(VentanillaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("127.0.0.1:1").contains("unreachable");
                });
    }

    @Test
    void aClosedStateIsNotReachableAndRefusesWork() {
        RedisLiveState state = open(TestServices.uniquePrefix(), "nodo-1");
        assertThat(state.isReachable()).isTrue();
        state.close();

        assertThat(state.isReachable()).isFalse();
        assertThatThrownBy(() -> state.item("chat-1")).isInstanceOfSatisfying(VentanillaException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }
}
