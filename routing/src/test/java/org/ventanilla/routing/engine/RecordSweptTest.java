package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ventanilla.routing.engine.EngineHarness.agent;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.state.LiveItem;

/**
 * What a sweep of the shared live state did outside the engine (an offer given back, a wrap-up ended) is recorded as
 * routing events once, and the engine's own timers for those items do not act a second time. The sweep itself is
 * played here on the live state directly, as {@code RedisLiveState.sweep} does it in one script.
 */
class RecordSweptTest {

    private final EngineHarness h = new EngineHarness(RoutingSettings.DEFAULTS
            .withOfferTimeout(Channel.VOICE, Duration.ofSeconds(15))
            .withWrapUp(Channel.VOICE, Duration.ofSeconds(30)))
            .queue(QueueSpec.builder("tramites").build());

    @Test
    void anOfferGivenBackByTheSweepIsRecordedOnceAndOfferedAgainHere() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        assertThat(h.offeredAgent("llamada")).isEqualTo("ana.gomez");
        h.available(agent("jose.nunez", "tramites").capacity(Channel.VOICE, 1).build());

        h.state.returnOffer("llamada", "ana.gomez", false, h.clock.instant());
        h.engine.recordSwept(Map.of("llamada", "ana.gomez"), List.of());

        assertThat(h.events(RoutingEventType.TIMED_OUT)).extracting(RoutingEvent::itemId, RoutingEvent::agentId, RoutingEvent::detail)
                .containsExactly(tuple("llamada", "ana.gomez", "llamada#1"));
        assertThat(h.offeredAgent("llamada")).as("offered again, to the other agent").isEqualTo("jose.nunez");
        h.seconds(16);
        assertThat(h.events(RoutingEventType.TIMED_OUT)).as("ana's timer was forgotten; jose's offer timed out once")
                .extracting(RoutingEvent::agentId).containsExactly("ana.gomez", "jose.nunez");
    }

    @Test
    void aWrapUpEndedByTheSweepIsRecordedOnceAndItsTimerDoesNotFire() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        h.engine.accept("llamada", "ana.gomez");
        h.engine.complete("llamada", "ana.gomez");
        LiveItem before = h.state.item("llamada").orElseThrow();
        assertThat(before.status()).isEqualTo(ItemStatus.WRAP_UP);

        h.state.endWrapUp("llamada", "ana.gomez", h.clock.instant());
        h.engine.recordSwept(Map.of(), List.of(before));
        h.seconds(31);

        assertThat(h.events(RoutingEventType.WRAP_UP_ENDED)).extracting(RoutingEvent::itemId, RoutingEvent::agentId)
                .containsExactly(tuple("llamada", "ana.gomez"));
        assertThat(h.engine.item("llamada")).isEmpty();
    }

    @Test
    void anOfferOfAnItemThatLeftMeanwhileIsOnlyForgotten() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        h.state.remove("llamada", h.clock.instant());

        h.engine.recordSwept(Map.of("llamada", "ana.gomez"), List.of());
        h.seconds(16);

        assertThat(h.events(RoutingEventType.TIMED_OUT)).isEmpty();
    }
}
