package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ventanilla.routing.engine.EngineHarness.agent;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.OfferEvent;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.model.QueueSpec;

class OfferTest {

    private final EngineHarness h = new EngineHarness(RoutingSettings.DEFAULTS
            .withOfferTimeout(Channel.VOICE, Duration.ofSeconds(15))
            .withWrapUp(Channel.VOICE, Duration.ofSeconds(30)))
            .queue(QueueSpec.builder("tramites").build());

    @Test
    void anOfferCarriesItsExpiryAndTimesOutAtIt() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        OfferEvent offer = h.sink.lastOffer();
        assertThat(offer.offerId()).isEqualTo("llamada#1");
        assertThat(offer.expiresAt()).isEqualTo(offer.offeredAt().plusSeconds(15));

        h.seconds(14);
        assertThat(status("llamada")).isEqualTo(ItemStatus.OFFERED);
        h.seconds(1);

        assertThat(h.events(RoutingEventType.TIMED_OUT)).extracting(RoutingEvent::itemId, RoutingEvent::agentId)
                .containsExactly(tuple("llamada", "ana.gomez"));
    }

    @Test
    void aTimedOutItemGoesBackToItsPlaceAndToAnotherAgent() {
        h.available(agent("jose.nunez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("ocupa-jose", "tramites", Channel.VOICE, 5);
        h.engine.accept("ocupa-jose", "jose.nunez");
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        Instant arrived = h.clock.instant();
        h.enqueue("primera", "tramites", Channel.VOICE, 5);
        h.seconds(5);
        h.enqueue("segunda", "tramites", Channel.VOICE, 5);
        h.seconds(5);
        h.enqueue("tercera", "tramites", Channel.VOICE, 5);

        h.seconds(5);

        assertThat(h.engine.item("primera")).get().extracting(WorkItemView::arrivedAt, WorkItemView::status)
                .containsExactly(arrived, ItemStatus.WAITING);
        assertThat(h.offeredAgent("segunda")).as("ana takes the next call, not the one she missed").isEqualTo("ana.gomez");
        h.handleAll("jose.nunez");
        assertThat(h.offeredAgent("primera")).as("back at its place, ahead of the later call").isEqualTo("jose.nunez");
        assertThat(h.offersOf("primera")).containsExactly("ana.gomez", "jose.nunez");
    }

    @Test
    void aDeclinedItemIsNotOfferedAgainToTheSameAgentWhileAnotherEligibleAgentExists() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.available(agent("jose.nunez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("ocupa-jose", "tramites", Channel.VOICE, 5);
        h.engine.accept("ocupa-jose", h.offeredAgent("ocupa-jose"));
        String busy = h.engine.item("ocupa-jose").orElseThrow().agentId();
        String free = busy.equals("ana.gomez") ? "jose.nunez" : "ana.gomez";
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        assertThat(h.offeredAgent("llamada")).isEqualTo(free);

        h.engine.decline("llamada", free);

        assertThat(status("llamada")).as("waits for the busy agent rather than going back to the one who declined")
                .isEqualTo(ItemStatus.WAITING);
        h.handleAll(busy);
        assertThat(h.offeredAgent("llamada")).isEqualTo(busy);
    }

    @Test
    void aDeclinedItemGoesBackToTheSameAgentWhenNoOtherEligibleAgentExists() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);

        h.engine.decline("llamada", "ana.gomez");

        assertThat(h.offersOf("llamada")).containsExactly("ana.gomez", "ana.gomez");
        assertThat(h.events(RoutingEventType.DECLINED)).hasSize(1);
    }

    @Test
    void anAgentWhoMissesThreeOffersInARowIsSetAway() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.available(agent("jose.nunez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("ocupa-jose", "tramites", Channel.VOICE, 5);
        String first = h.offeredAgent("ocupa-jose");
        if (!first.equals("jose.nunez")) {
            h.engine.decline("ocupa-jose", first);
        }
        h.engine.accept("ocupa-jose", "jose.nunez");

        for (int i = 1; i <= 3; i++) {
            h.enqueue("llamada-" + i, "tramites", Channel.VOICE, 5);
            assertThat(h.offeredAgent("llamada-" + i)).isEqualTo("ana.gomez");
            h.seconds(15);
        }

        assertThat(h.engine.agentState("ana.gomez").state()).isEqualTo(AgentState.AWAY);
        assertThat(h.engine.agentState("ana.gomez").reason()).isEqualTo(RoutingEngine.MISSED_OFFERS_REASON);
        assertThat(h.events(RoutingEventType.STATE_CHANGED)).last()
                .extracting(RoutingEvent::agentId, RoutingEvent::agentState, RoutingEvent::detail)
                .containsExactly("ana.gomez", AgentState.AWAY, "ofertas perdidas");
        assertThat(h.engine.waiting("tramites")).extracting(WorkItemView::itemId)
                .containsExactly("llamada-1", "llamada-2", "llamada-3");
    }

    @Test
    void anAcceptedOfferResetsTheMissedOfferCount() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        h.seconds(15);
        h.seconds(15);
        assertThat(h.engine.agentState("ana.gomez").missedOffers()).isEqualTo(2);
        assertThat(h.offersOf("llamada")).containsExactly("ana.gomez", "ana.gomez", "ana.gomez");

        h.engine.accept("llamada", "ana.gomez");

        assertThat(h.engine.agentState("ana.gomez").missedOffers()).isZero();
        assertThat(h.engine.agentState("ana.gomez").state()).isEqualTo(AgentState.BUSY);
    }

    @Test
    void acceptCompleteAndWrapUpMoveTheAgentThroughItsStates() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        assertThat(h.engine.agentState("ana.gomez").state()).isEqualTo(AgentState.AVAILABLE);

        h.engine.accept("llamada", "ana.gomez");
        assertThat(h.engine.agentState("ana.gomez").state()).isEqualTo(AgentState.BUSY);
        assertThat(h.engine.agentState("ana.gomez").load(Channel.VOICE)).isEqualTo(1);

        h.seconds(120);
        h.engine.complete("llamada", "ana.gomez");
        assertThat(h.engine.agentState("ana.gomez").state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(status("llamada")).isEqualTo(ItemStatus.WRAP_UP);

        h.seconds(29);
        assertThat(h.engine.agentState("ana.gomez").state()).isEqualTo(AgentState.WRAP_UP);
        h.seconds(1);
        assertThat(h.engine.agentState("ana.gomez").state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(h.engine.item("llamada")).isEmpty();

        assertThat(h.events(RoutingEventType.STATE_CHANGED)).extracting(RoutingEvent::agentState)
                .containsExactly(AgentState.AVAILABLE, AgentState.BUSY, AgentState.WRAP_UP, AgentState.AVAILABLE);
        assertThat(h.sink.events()).extracting(RoutingEvent::type).filteredOn(type -> type != RoutingEventType.STATE_CHANGED)
                .containsExactly(RoutingEventType.ENQUEUED, RoutingEventType.OFFERED, RoutingEventType.ACCEPTED,
                        RoutingEventType.COMPLETED, RoutingEventType.WRAP_UP_ENDED);
    }

    @Test
    void goingAwayReturnsPendingOffersToTheQueue() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.CHAT, 2).build());
        h.enqueue("chat-1", "tramites", Channel.CHAT, 5);
        h.enqueue("chat-2", "tramites", Channel.CHAT, 5);

        h.engine.setAgentState(AgentStateChange.away("ana.gomez", "almuerzo"));

        assertThat(h.engine.waiting("tramites")).extracting(WorkItemView::status)
                .containsExactly(ItemStatus.WAITING, ItemStatus.WAITING);
        assertThat(h.engine.agentState("ana.gomez").reason()).isEqualTo("almuerzo");
        h.available(agent("jose.nunez", "tramites").capacity(Channel.CHAT, 2).build());
        assertThat(h.offeredTo("jose.nunez")).containsExactly("chat-1", "chat-2");
    }

    private ItemStatus status(String itemId) {
        return h.engine.item(itemId).map(WorkItemView::status).orElseThrow();
    }
}
