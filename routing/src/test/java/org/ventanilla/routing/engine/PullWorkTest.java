package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.OfferEvent;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.api.SkillRequirement;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.model.RelaxationStep;
import org.ventanilla.routing.state.MemoryLiveState;

/**
 * {@link RoutingEngine#pullWork()} with two engines (node A and node B) over one shared live state and one clock. The
 * items node A queues need an "avaluos" level nobody has until the queue relaxes it after 30 s; no engine runs its
 * timers, so nothing but a pull notices that the work has become eligible: the pull of node B must offer it to B's idle
 * agent, through B (B's sink, B's timers), once.
 */
class PullWorkTest {

    private static final QueueSpec CATASTRO = QueueSpec.builder("catastro")
            .relax(RelaxationStep.lower(Duration.ofSeconds(30), "avaluos", 4))
            .build();
    private static final AgentSpec MARTA = AgentSpec.builder("marta.rios").languages("es").queues("catastro")
            .skill("avaluos", 5).capacity(Channel.CHAT, 2).build();

    private final MutableClock clock = new MutableClock(EngineHarness.START, EngineHarness.BOGOTA);
    private final MemoryLiveState shared = new MemoryLiveState();
    private final MemoryEventSink sinkA = new MemoryEventSink();
    private final MemoryEventSink sinkB = new MemoryEventSink();
    private final RoutingEngine nodeA = RoutingEngine.create(RoutingSettings.DEFAULTS, shared, sinkA, clock);
    private final RoutingEngine nodeB = RoutingEngine.create(RoutingSettings.DEFAULTS, shared, sinkB, clock);

    PullWorkTest() {
        nodeA.defineQueue(CATASTRO);
        nodeB.defineQueue(CATASTRO);
    }

    @Test
    void anItemQueuedByNodeAIsOfferedOnceToTheIdleAgentOfNodeBWhenBPullsWork() {
        nodeB.defineAgent(MARTA);
        nodeB.setAgentState(AgentStateChange.available("marta.rios"));
        enqueueOnA("avaluo-1");
        assertThat(nodeA.item("avaluo-1")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.WAITING);
        clock.advance(Duration.ofSeconds(30));

        nodeB.pullWork();

        assertThat(sinkB.offers()).extracting(OfferEvent::itemId, OfferEvent::agentId).containsExactly(tuple("avaluo-1", "marta.rios"));
        assertThat(sinkA.offers()).isEmpty();
        assertThat(nodeA.item("avaluo-1")).get().extracting(WorkItemView::status, WorkItemView::agentId)
                .containsExactly(ItemStatus.OFFERED, "marta.rios");

        nodeB.pullWork();
        nodeA.pullWork();
        nodeB.pullWork();

        assertThat(sinkB.offers()).as("pulling again offers nothing more: marta still has a free chat slot").hasSize(1);
        assertThat(sinkA.offers()).isEmpty();
        assertThat(nodeB.agentState("marta.rios").load(Channel.CHAT)).isEqualTo(1);
        assertThat(sinkB.events(RoutingEventType.OFFERED)).extracting(RoutingEvent::itemId).containsExactly("avaluo-1");
    }

    @Test
    void thePullingNodeOwnsTheOfferItMadeAndTimesItOut() {
        nodeB.defineAgent(MARTA);
        nodeB.setAgentState(AgentStateChange.available("marta.rios"));
        enqueueOnA("avaluo-1");
        clock.advance(Duration.ofSeconds(30));
        nodeB.pullWork();
        OfferEvent offer = sinkB.lastOffer();

        clock.set(offer.expiresAt());
        nodeA.tick();
        assertThat(sinkA.events(RoutingEventType.TIMED_OUT)).as("node A never made this offer").isEmpty();
        nodeB.tick();

        assertThat(sinkB.events(RoutingEventType.TIMED_OUT)).extracting(RoutingEvent::itemId, RoutingEvent::agentId)
                .containsExactly(tuple("avaluo-1", "marta.rios"));
        assertThat(nodeB.agentState("marta.rios").missedOffers()).isEqualTo(1);
        assertThat(sinkB.offers()).as("marta is the only eligible agent, so the item comes back to her")
                .extracting(OfferEvent::itemId).containsExactly("avaluo-1", "avaluo-1");
    }

    @Test
    void pullingFillsEveryFreeSlotUpToCapacityOldestFirstAndNeverOffersAnItemTwice() {
        nodeB.defineAgent(MARTA);
        nodeB.setAgentState(AgentStateChange.available("marta.rios"));
        for (int i = 1; i <= 3; i++) {
            enqueueOnA("avaluo-" + i);
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofSeconds(30));

        nodeB.pullWork();
        nodeB.pullWork();

        assertThat(sinkB.offers()).extracting(OfferEvent::itemId).containsExactly("avaluo-1", "avaluo-2");
        assertThat(nodeB.agentState("marta.rios").load(Channel.CHAT)).isEqualTo(2);
        assertThat(nodeA.item("avaluo-3")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.WAITING);

        nodeB.accept("avaluo-1", "marta.rios");
        nodeB.complete("avaluo-1", "marta.rios");
        nodeB.endWrapUp("avaluo-1", "marta.rios");
        nodeB.pullWork();

        assertThat(sinkB.offers()).extracting(OfferEvent::itemId).containsExactly("avaluo-1", "avaluo-2", "avaluo-3");
        assertThat(sinkA.offers()).isEmpty();
    }

    @Test
    void pullingLeavesAgentsWhoAreAwayOrOfflineAlone() {
        nodeB.defineAgent(AgentSpec.builder("andres.pena").languages("es").queues("catastro").skill("avaluos", 9)
                .capacity(Channel.CHAT, 2).build());
        nodeB.setAgentState(AgentStateChange.available("andres.pena"));
        nodeB.setAgentState(AgentStateChange.away("andres.pena", "capacitación"));
        nodeB.defineAgent(AgentSpec.builder("lucia.bermudez").languages("es").queues("catastro").skill("avaluos", 9)
                .capacity(Channel.CHAT, 2).build());
        nodeB.defineAgent(MARTA);
        nodeB.setAgentState(AgentStateChange.available("marta.rios"));
        enqueueOnA("avaluo-1");
        clock.advance(Duration.ofSeconds(30));

        nodeB.pullWork();

        assertThat(sinkB.offers()).extracting(OfferEvent::agentId).containsExactly("marta.rios");
        assertThat(nodeB.agentState("andres.pena")).extracting(s -> s.state(), s -> s.load().isEmpty())
                .containsExactly(AgentState.AWAY, true);
        assertThat(nodeB.agentState("lucia.bermudez")).extracting(s -> s.state(), s -> s.load().isEmpty())
                .containsExactly(AgentState.OFFLINE, true);
    }

    @Test
    void anItemNodeAAlreadyOfferedToItsOwnAgentIsNotOfferedAgainByNodeB() {
        nodeA.defineAgent(AgentSpec.builder("jose.nunez").languages("es").queues("catastro").skill("avaluos", 9)
                .capacity(Channel.CHAT, 1).build());
        nodeA.setAgentState(AgentStateChange.available("jose.nunez"));
        nodeB.defineAgent(MARTA);
        nodeB.setAgentState(AgentStateChange.available("marta.rios"));
        // avaluos 4: marta could take it at once, but jose (level 9) is the better agent and node A offers it to him
        enqueueOnA("avaluo-1", 4);
        assertThat(sinkA.offers()).extracting(OfferEvent::agentId).containsExactly("jose.nunez");
        clock.advance(Duration.ofSeconds(10));

        nodeB.pullWork();

        assertThat(sinkB.offers()).isEmpty();
        assertThat(nodeB.item("avaluo-1")).get().extracting(WorkItemView::status, WorkItemView::agentId)
                .containsExactly(ItemStatus.OFFERED, "jose.nunez");
        nodeA.accept("avaluo-1", "jose.nunez");
        assertThat(nodeA.item("avaluo-1")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.ACCEPTED);
    }

    @Test
    void pullingWithNothingWaitingChangesNothing() {
        nodeB.defineAgent(MARTA);
        nodeB.setAgentState(AgentStateChange.available("marta.rios"));
        int eventsBefore = sinkB.events().size();

        nodeB.pullWork();

        assertThat(sinkB.offers()).isEmpty();
        assertThat(sinkB.events()).hasSize(eventsBefore);
        assertThat(nodeB.agentState("marta.rios").state()).isEqualTo(AgentState.AVAILABLE);
    }

    private void enqueueOnA(String itemId) {
        enqueueOnA(itemId, 8);
    }

    private void enqueueOnA(String itemId, int avaluosLevel) {
        nodeA.enqueue(new EnqueueRequest(itemId, "catastro", Channel.CHAT, "catastro.avaluo",
                List.of(new SkillRequirement("avaluos", avaluosLevel)), "es", 5));
    }
}
