package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ventanilla.routing.engine.EngineHarness.agent;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueResult;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.model.OverflowAction;
import org.ventanilla.routing.model.QueueSpec;

class OverflowTest {

    private final EngineHarness h = new EngineHarness()
            .queue(QueueSpec.builder("general").build())
            .queue(QueueSpec.builder("licencias").overflowAfter(Duration.ofMinutes(3), OverflowAction.toQueue("general")).build())
            .queue(QueueSpec.builder("movilidad").overflowAfter(Duration.ofMinutes(2), OverflowAction.callback()).build())
            .queue(QueueSpec.builder("quejas").overflowAfter(Duration.ofMinutes(5), OverflowAction.deferredCase()).build());

    @Test
    void anItemThatWaitedTheMaximumMovesToTheOtherQueue() {
        h.enqueue("llamada", "licencias", Channel.VOICE, 4);

        h.seconds(179);
        assertThat(h.engine.item("llamada")).get().extracting(WorkItemView::queueId).isEqualTo("licencias");
        h.seconds(1);

        assertThat(h.engine.item("llamada")).get().extracting(WorkItemView::queueId, WorkItemView::status, WorkItemView::priority)
                .containsExactly("general", ItemStatus.WAITING, 4);
        assertThat(h.events(RoutingEventType.OVERFLOWED)).singleElement()
                .extracting(RoutingEvent::queueId, RoutingEvent::detail).containsExactly("licencias", "OTHER_QUEUE:general");
        assertThat(h.events(RoutingEventType.ENQUEUED)).last().extracting(RoutingEvent::queueId, RoutingEvent::detail)
                .containsExactly("general", "overflow:licencias");

        h.available(agent("ana.gomez", "general").capacity(Channel.VOICE, 1).build());
        assertThat(h.offeredAgent("llamada")).isEqualTo("ana.gomez");
    }

    @Test
    void anItemThatWaitedTheMaximumAsksForACallback() {
        h.enqueue("llamada", "movilidad", Channel.VOICE, 4);

        h.seconds(120);

        assertThat(h.engine.item("llamada")).isEmpty();
        assertThat(h.events(RoutingEventType.OVERFLOWED)).singleElement()
                .extracting(RoutingEvent::itemId, RoutingEvent::detail, RoutingEvent::waited)
                .containsExactly("llamada", "CALLBACK", Duration.ofMinutes(2));
        assertThat(h.engine.metrics().queue("movilidad").orElseThrow().overflowed()).isEqualTo(1);
    }

    @Test
    void anItemThatWaitedTheMaximumBecomesADeferredCaseRequest() {
        h.enqueue("chat", "quejas", Channel.CHAT, 2);

        h.seconds(300);

        assertThat(h.engine.item("chat")).isEmpty();
        assertThat(h.events(RoutingEventType.OVERFLOWED)).singleElement()
                .extracting(RoutingEvent::itemId, RoutingEvent::channel, RoutingEvent::detail)
                .containsExactly("chat", Channel.CHAT, "DEFERRED_CASE");
        EnqueueResult again = h.enqueue("chat", "quejas", Channel.CHAT, 2);
        assertThat(again.duplicate()).as("a late duplicate of an overflowed item is not queued again").isTrue();
    }

    @Test
    void anOfferedItemIsNotOverflowedWhileTheAgentAnswers() {
        h.engine.defineAgent(agent("ana.gomez", "movilidad").capacity(Channel.CHAT, 1).build());
        h.enqueue("chat", "movilidad", Channel.CHAT, 4);
        h.seconds(100);
        h.available(agent("ana.gomez", "movilidad").capacity(Channel.CHAT, 1).build());
        assertThat(h.offeredAgent("chat")).isEqualTo("ana.gomez");

        h.seconds(25);
        h.engine.accept("chat", "ana.gomez");
        h.seconds(10);

        assertThat(h.events(RoutingEventType.OVERFLOWED)).isEmpty();
        assertThat(h.engine.item("chat")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.ACCEPTED);
    }

    @Test
    void overflowsAreHandledOldestFirstAndOnlyOnce() {
        h.enqueue("primera", "movilidad", Channel.VOICE, 4);
        h.seconds(10);
        h.enqueue("segunda", "movilidad", Channel.VOICE, 4);

        h.seconds(200);
        h.seconds(60);

        assertThat(h.events(RoutingEventType.OVERFLOWED)).extracting(RoutingEvent::itemId).containsExactly("primera", "segunda");
    }
}
