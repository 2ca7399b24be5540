package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ventanilla.routing.engine.EngineHarness.agent;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.TransferRequest;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.model.QueueSpec;

/** Offer rules the other offer tests leave open: the configurable missed-offer limit, a decline's place, transfer targets. */
class OfferRulesTest {

    private static EngineHarness harness(int missedBeforeAway) {
        return new EngineHarness(RoutingSettings.DEFAULTS.withOfferTimeout(Channel.VOICE, Duration.ofSeconds(15))
                .withMissedOffersBeforeAway(missedBeforeAway))
                .queue(QueueSpec.builder("tramites").build())
                .queue(QueueSpec.builder("impuestos").build());
    }

    @Test
    void withALimitOfOneASingleMissedOfferSetsTheAgentAway() {
        EngineHarness h = harness(1);
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);

        h.seconds(15);

        assertThat(h.engine.agentState("ana.gomez")).extracting(s -> s.state(), s -> s.reason())
                .containsExactly(AgentState.AWAY, RoutingEngine.MISSED_OFFERS_REASON);
        assertThat(status(h, "llamada")).isEqualTo(ItemStatus.WAITING);
    }

    @Test
    void withALimitOfTwoTheFirstMissLeavesTheAgentAvailableAndTheSecondSetsAway() {
        EngineHarness h = harness(2);
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);

        h.seconds(15);
        assertThat(h.engine.agentState("ana.gomez").state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(h.offersOf("llamada")).containsExactly("ana.gomez", "ana.gomez");
        h.seconds(15);

        assertThat(h.engine.agentState("ana.gomez")).extracting(s -> s.state(), s -> s.reason())
                .containsExactly(AgentState.AWAY, RoutingEngine.MISSED_OFFERS_REASON);
    }

    @Test
    void anAgentBackFromAwayStartsCountingMissedOffersAfresh() {
        EngineHarness h = harness(2);
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        h.seconds(15);
        h.seconds(15);
        assertThat(h.engine.agentState("ana.gomez").state()).isEqualTo(AgentState.AWAY);

        h.engine.setAgentState(AgentStateChange.available("ana.gomez"));
        assertThat(h.engine.agentState("ana.gomez").missedOffers()).isZero();
        h.seconds(15);

        assertThat(h.engine.agentState("ana.gomez").state()).as("one miss after coming back is below the limit of two")
                .isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void aDeclinedItemGoesBackAheadOfLaterArrivals() {
        EngineHarness h = harness(3);
        h.available(agent("jose.nunez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("ocupa-jose", "tramites", Channel.VOICE, 5);
        h.engine.accept("ocupa-jose", "jose.nunez");
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        Instant arrived = h.clock.instant();
        h.enqueue("primera", "tramites", Channel.VOICE, 5);
        h.seconds(5);
        h.enqueue("segunda", "tramites", Channel.VOICE, 5);

        h.engine.decline("primera", "ana.gomez");

        assertThat(h.engine.item("primera")).get().extracting(WorkItemView::arrivedAt, WorkItemView::status)
                .containsExactly(arrived, ItemStatus.WAITING);
        assertThat(h.offeredAgent("segunda")).as("ana takes the next call, not the one she declined").isEqualTo("ana.gomez");
        h.seconds(5);
        h.enqueue("tercera", "tramites", Channel.VOICE, 5);
        h.handleAll("jose.nunez");
        assertThat(h.offeredAgent("primera")).as("the declined call kept its place ahead of 'tercera'").isEqualTo("jose.nunez");
        assertThat(status(h, "tercera")).isEqualTo(ItemStatus.WAITING);
    }

    @Test
    void aTransferToAnUnknownQueueOrAgentIsRefusedAndTheItemStaysWhereItWas() {
        EngineHarness h = harness(3);
        h.enqueue("chat", "tramites", Channel.CHAT, 5);

        assertThatThrownBy(() -> h.engine.transfer(TransferRequest.toQueue("chat", "no-existe")))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessage("unknown queue 'no-existe'");
        assertThatThrownBy(() -> h.engine.transfer(TransferRequest.toAgent("chat", "nadie")))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessage("unknown agent 'nadie'");
        assertThatThrownBy(() -> h.engine.transfer(TransferRequest.toQueue("chat", "tramites")))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessage("work item 'chat' already waits in queue 'tramites'");

        assertThat(h.engine.item("chat")).get().extracting(WorkItemView::queueId, WorkItemView::status)
                .containsExactly("tramites", ItemStatus.WAITING);
    }

    @Test
    void aCallTransferredToAnAgentWaitsForThatAgentOnlyAndReachesHimWhenHeIsFree() {
        EngineHarness h = harness(3);
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.available(agent("jose.nunez", "impuestos").capacity(Channel.VOICE, 1).build());
        h.enqueue("ocupa-jose", "impuestos", Channel.VOICE, 5);
        h.engine.accept("ocupa-jose", "jose.nunez");
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        h.engine.accept("llamada", "ana.gomez");

        h.engine.transfer(TransferRequest.toAgent("llamada", "jose.nunez"));

        assertThat(h.engine.item("llamada")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.WAITING);
        assertThat(h.engine.agentState("ana.gomez").state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(h.offersOf("llamada")).as("ana is free but the call is for jose").containsExactly("ana.gomez");
        h.handleAll("jose.nunez");
        assertThat(h.offeredAgent("llamada")).isEqualTo("jose.nunez");
    }

    private static ItemStatus status(EngineHarness h, String itemId) {
        return h.engine.item(itemId).map(WorkItemView::status).orElseThrow();
    }
}
