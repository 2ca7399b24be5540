package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.ventanilla.routing.engine.EngineHarness.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.model.WorkItem;

class RestoreTest {

    private static final QueueSpec TRAMITES = QueueSpec.builder("tramites").build();
    private static final AgentSpec ANA = agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build();

    @Test
    void waitingWorkAndOffersInFlightAreQueuedAgainAfterARestart() {
        EngineHarness before = new EngineHarness().queue(TRAMITES);
        before.available(ANA);
        Instant t0 = before.clock.instant();
        before.enqueue("ofrecida", "tramites", Channel.VOICE, 5);
        before.clock.advance(Duration.ofSeconds(3));
        before.enqueue("baja", "tramites", Channel.VOICE, 1);
        before.clock.advance(Duration.ofSeconds(3));
        before.enqueue("normal", "tramites", Channel.VOICE, 5);
        before.clock.advance(Duration.ofSeconds(3));
        before.enqueue("urgente", "tramites", Channel.VOICE, 8);
        assertThat(before.offeredAgent("ofrecida")).isEqualTo("ana.gomez");
        List<WorkItem> saved = before.engine.snapshot();

        EngineHarness after = new EngineHarness().queue(TRAMITES);
        after.clock.set(before.clock.instant().plusSeconds(30));
        after.engine.defineAgent(ANA);
        after.engine.restore(saved);

        assertThat(after.engine.waiting("tramites")).extracting(WorkItemView::itemId, WorkItemView::arrivedAt, WorkItemView::status)
                .containsExactly(
                        tuple("ofrecida", t0, ItemStatus.WAITING),
                        tuple("baja", t0.plusSeconds(3), ItemStatus.WAITING),
                        tuple("normal", t0.plusSeconds(6), ItemStatus.WAITING),
                        tuple("urgente", t0.plusSeconds(9), ItemStatus.WAITING));
        assertThat(after.events(RoutingEventType.RESTORED)).hasSize(4);
        assertThat(after.engine.metrics().queue("tramites").orElseThrow().longestWait()).isEqualTo(Duration.ofSeconds(39));

        after.engine.setAgentState(AgentStateChange.available("ana.gomez"));
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            served.add(after.sink.lastOffer().itemId());
            after.handleAll("ana.gomez");
        }
        assertThat(served).containsExactly("urgente", "ofrecida", "normal", "baja");
    }

    @Test
    void restoringOverASurvivingLiveStateReturnsItsOffersAndKeepsItsItemsOnce() {
        EngineHarness crashed = new EngineHarness().queue(TRAMITES);
        crashed.available(ANA);
        crashed.available(agent("jose.nunez", "tramites").capacity(Channel.VOICE, 1).build());
        crashed.enqueue("ofrecida", "tramites", Channel.VOICE, 5);
        crashed.seconds(1);
        crashed.enqueue("en-curso", "tramites", Channel.VOICE, 5);
        crashed.engine.accept("en-curso", crashed.offeredAgent("en-curso"));
        crashed.seconds(1);
        crashed.enqueue("esperando", "tramites", Channel.VOICE, 5);
        List<WorkItem> fromDatabase = crashed.engine.snapshot();

        // another node takes over the same live state (Redis in production)
        MutableClock clock = new MutableClock(crashed.clock.instant().plusSeconds(5), EngineHarness.BOGOTA);
        MemoryEventSink sink = new MemoryEventSink();
        RoutingEngine takeover = RoutingEngine.create(RoutingSettings.DEFAULTS, crashed.state, sink, clock);
        takeover.defineQueue(TRAMITES);
        takeover.defineAgent(ANA);
        takeover.defineAgent(agent("jose.nunez", "tramites").capacity(Channel.VOICE, 1).build());
        takeover.restore(fromDatabase);

        assertThat(takeover.item("en-curso")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.ACCEPTED);
        assertThat(takeover.waiting("tramites")).extracting(WorkItemView::itemId).containsExactly("ofrecida", "esperando");
        assertThat(sink.events(RoutingEventType.RESTORED)).isEmpty();
        String free = takeover.agentState("ana.gomez").state() == AgentState.BUSY ? "jose.nunez" : "ana.gomez";
        assertThat(takeover.item("ofrecida")).get().extracting(WorkItemView::status, WorkItemView::agentId)
                .containsExactly(ItemStatus.OFFERED, free);
    }

    @Test
    void aSnapshotNamingAnUnknownQueueIsRefusedWholesale() {
        EngineHarness h = new EngineHarness().queue(TRAMITES);
        Instant now = h.clock.instant();
        List<WorkItem> saved = List.of(
                new WorkItem("bien", "tramites", Channel.CHAT, "tramites.licencias", List.of(), "es", 3, now, Duration.ofSeconds(60),
                        null),
                new WorkItem("mal", "cerrada", Channel.CHAT, "tramites.licencias", List.of(), "es", 3, now, Duration.ofSeconds(60),
                        null));

        assertThatThrownBy(() -> h.engine.restore(saved))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessage("unknown queue 'cerrada'");
        assertThat(h.engine.waiting("tramites")).isEmpty();
    }
}
