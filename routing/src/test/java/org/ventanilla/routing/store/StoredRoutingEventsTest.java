package org.ventanilla.routing.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.adapter.memory.MemoryRecordStore;
import org.ventanilla.core.port.RecordLimits;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;

class StoredRoutingEventsTest {

    private static final Instant NINE = Instant.parse("2025-03-04T14:00:00Z");

    @TempDir
    Path dir;

    private RecordStore store;
    private StoredRoutingEvents history;

    @AfterEach
    void close() {
        if (history != null) {
            history.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void eventsAreStoredOnH2AndFoundByItemAgentAndTime() {
        store = JdbcRecordStore.create(JdbcSettings.h2File(dir));
        history = StoredRoutingEvents.create(store, "nodo-1");
        history.record(item(RoutingEventType.ENQUEUED, NINE, "int-1", null));
        history.record(item(RoutingEventType.ENQUEUED, NINE.plusSeconds(1), "int-2", null));
        history.record(item(RoutingEventType.OFFERED, NINE.plusSeconds(2), "int-1", "valentina.munoz"));
        history.record(RoutingEvent.stateChanged(NINE.plusSeconds(3), "valentina.munoz", AgentState.BUSY, null));
        history.record(item(RoutingEventType.ACCEPTED, NINE.plusSeconds(3), "int-1", "valentina.munoz"));
        history.record(item(RoutingEventType.ABANDONED, NINE.plusSeconds(60), "int-2", null));
        history.flush().join();

        assertThat(history.ofItem("int-1")).extracting(RoutingEvent::type)
                .containsExactly(RoutingEventType.ENQUEUED, RoutingEventType.OFFERED, RoutingEventType.ACCEPTED);
        assertThat(history.ofAgent("valentina.munoz", NINE, NINE.plusSeconds(10))).extracting(RoutingEvent::type)
                .containsExactly(RoutingEventType.OFFERED, RoutingEventType.STATE_CHANGED, RoutingEventType.ACCEPTED);
        assertThat(history.between(NINE.plusSeconds(1), NINE.plusSeconds(3), 100)).extracting(RoutingEvent::type)
                .containsExactly(RoutingEventType.ENQUEUED, RoutingEventType.OFFERED);
        assertThat(history.ofItem("int-2").get(1)).isEqualTo(item(RoutingEventType.ABANDONED, NINE.plusSeconds(60), "int-2", null));
        assertThat(history.written()).isEqualTo(6);
        assertThat(history.isHealthy()).isTrue();
    }

    @Test
    void anItemWhoseIdStartsLikeAnotherDoesNotMixHistories() {
        store = MemoryRecordStore.create();
        history = StoredRoutingEvents.create(store, "nodo-1");
        history.record(item(RoutingEventType.ENQUEUED, NINE, "int-1", null));
        history.record(item(RoutingEventType.ENQUEUED, NINE, "int-10", null));
        history.flush().join();

        assertThat(history.ofItem("int-1")).extracting(RoutingEvent::itemId).containsExactly("int-1");
    }

    @Test
    void aTimeRangeWithMoreEventsThanOneListingIsReadCompletelyAndInOrder() {
        store = MemoryRecordStore.create();
        history = StoredRoutingEvents.create(store, "nodo-1");
        int count = RecordLimits.MAX_LIST_LIMIT + 250;
        for (int i = 0; i < count; i++) {
            history.record(item(RoutingEventType.ENQUEUED, NINE.plusMillis(i), "int-" + i, null));
        }
        history.flush().join();

        List<RoutingEvent> events = history.between(NINE.minus(Duration.ofHours(1)), NINE.plus(Duration.ofHours(1)), Integer.MAX_VALUE);

        assertThat(events).hasSize(count);
        assertThat(events).extracting(RoutingEvent::at).isSorted();
        assertThat(history.between(NINE.plusMillis(100), NINE.plusMillis(110), 100)).hasSize(10);
    }

    @Test
    void theRequestBehindAnItemIsKeptForARestore() {
        store = MemoryRecordStore.create();
        history = StoredRoutingEvents.create(store, "nodo-1");
        EnqueueRequest request = new EnqueueRequest("int-7", "tramites", Channel.CHAT, "tramites.licencias", List.of(), "es", 4);
        history.itemRequested(request);
        history.flush().join();

        assertThat(history.itemRequest("int-7")).contains(request);
        assertThat(history.itemRequest("int-8")).isEmpty();
    }

    private static RoutingEvent item(RoutingEventType type, Instant at, String itemId, String agentId) {
        return RoutingEvent.item(type, at, "tramites", itemId, agentId, Channel.CHAT, NINE, null);
    }
}
