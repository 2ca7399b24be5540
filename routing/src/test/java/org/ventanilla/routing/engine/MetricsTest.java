package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ventanilla.routing.engine.EngineHarness.agent;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ventanilla.routing.api.AgentMetrics;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.QueueMetrics;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.model.QueueSpec;

class MetricsTest {

    private final EngineHarness h = new EngineHarness()
            .queue(QueueSpec.builder("tramites").serviceLevel(Channel.VOICE, Duration.ofSeconds(20), 80).build());

    @Test
    void anAbandonedCallLeavesTheQueueAndIsCounted() {
        h.enqueue("llamada-1", "tramites", Channel.VOICE, 5);
        h.seconds(10);
        h.enqueue("llamada-2", "tramites", Channel.VOICE, 5);
        h.seconds(35);

        h.engine.abandon("llamada-1");

        QueueMetrics queue = h.engine.metrics().queue("tramites").orElseThrow();
        assertThat(queue.abandoned()).isEqualTo(1);
        assertThat(queue.waiting()).isEqualTo(1);
        assertThat(queue.longestWait()).isEqualTo(Duration.ofSeconds(35));
        assertThat(h.engine.item("llamada-1")).isEmpty();
        assertThat(h.events(RoutingEventType.ABANDONED)).singleElement().extracting(RoutingEvent::waited)
                .isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void abandoningWhileRingingFreesTheAgentForTheNextCall() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("llamada-1", "tramites", Channel.VOICE, 5);
        h.enqueue("llamada-2", "tramites", Channel.VOICE, 5);
        assertThat(h.offeredAgent("llamada-1")).isEqualTo("ana.gomez");

        h.engine.abandon("llamada-1");

        assertThat(h.offeredAgent("llamada-2")).isEqualTo("ana.gomez");
        assertThat(h.events(RoutingEventType.ABANDONED)).singleElement().extracting(RoutingEvent::agentId).isEqualTo("ana.gomez");
        assertThat(h.engine.metrics().queue("tramites").orElseThrow().abandoned()).isEqualTo(1);
    }

    @Test
    void serviceLevelAndSpeedOfAnswerComeFromTheAnsweredAndAbandonedCalls() {
        h.engine.defineAgent(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("rapida", "tramites", Channel.VOICE, 9);
        h.enqueue("lenta", "tramites", Channel.VOICE, 1);
        h.enqueue("perdida", "tramites", Channel.VOICE, 1);
        h.seconds(10);
        h.engine.setAgentState(AgentStateChange.available("ana.gomez"));
        h.engine.accept("rapida", "ana.gomez");
        h.engine.complete("rapida", "ana.gomez");
        h.engine.endWrapUp("rapida", "ana.gomez");
        h.seconds(20);
        h.engine.accept("lenta", "ana.gomez");
        h.engine.abandon("perdida");

        QueueMetrics queue = h.engine.metrics().queue("tramites").orElseThrow();
        assertThat(queue.entered()).isEqualTo(3);
        assertThat(queue.answered()).isEqualTo(2);
        assertThat(queue.answeredWithinTarget()).isEqualTo(1);
        assertThat(queue.abandoned()).isEqualTo(1);
        assertThat(queue.serviceLevelPercent()).isCloseTo(100.0 / 3, within(0.001));
        assertThat(queue.averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds(20));
        assertThat(queue.waiting()).isZero();
        assertThat(queue.longestWait()).isEqualTo(Duration.ZERO);
    }

    @Test
    void agentsReportTheirStateAndTimeInIt() {
        h.engine.defineAgent(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.engine.defineAgent(agent("jose.nunez", "tramites").capacity(Channel.VOICE, 1).build());
        h.engine.setAgentState(AgentStateChange.available("ana.gomez"));
        h.seconds(30);
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        h.engine.accept("llamada", "ana.gomez");
        h.seconds(95);
        h.engine.setAgentState(AgentStateChange.away("jose.nunez", "capacitación"));
        h.seconds(5);

        assertThat(h.engine.metrics().agent("ana.gomez").orElseThrow())
                .extracting(AgentMetrics::state, AgentMetrics::timeInState, AgentMetrics::answered)
                .containsExactly(AgentState.BUSY, Duration.ofSeconds(100), 1L);
        assertThat(h.engine.metrics().agent("jose.nunez").orElseThrow())
                .extracting(AgentMetrics::state, AgentMetrics::reason, AgentMetrics::timeInState)
                .containsExactly(AgentState.AWAY, "capacitación", Duration.ofSeconds(5));
        assertThat(h.engine.metrics().agentsByState()).containsEntry(AgentState.BUSY, 1).containsEntry(AgentState.AWAY, 1)
                .containsEntry(AgentState.AVAILABLE, 0).containsEntry(AgentState.OFFLINE, 0);
    }

    @Test
    void metricsMatchTheEventsAnEventSinkReceived() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        for (int i = 0; i < 5; i++) {
            h.enqueue("llamada-" + i, "tramites", Channel.VOICE, 5);
        }
        h.handleAll("ana.gomez");
        h.handleAll("ana.gomez");
        h.engine.abandon("llamada-4");

        QueueMetrics queue = h.engine.metrics().queue("tramites").orElseThrow();
        assertThat(queue.entered()).isEqualTo(h.events(RoutingEventType.ENQUEUED).size());
        assertThat(queue.answered()).isEqualTo(h.events(RoutingEventType.ACCEPTED).size());
        assertThat(queue.abandoned()).isEqualTo(h.events(RoutingEventType.ABANDONED).size());
        assertThat(queue.waiting()).isEqualTo(h.engine.waiting("tramites").size());
    }
}
