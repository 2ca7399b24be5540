package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ventanilla.routing.engine.EngineHarness.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueResult;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.model.QueueSpec;

class IdempotentEnqueueTest {

    private final EngineHarness h = new EngineHarness()
            .queue(QueueSpec.builder("tramites").maxSize(500).build())
            .queue(QueueSpec.builder("pequena").maxSize(2).build());

    @Test
    void enqueueingTheSameItemAgainChangesNothing() {
        EnqueueResult first = h.enqueue("chat-7", "tramites", Channel.CHAT, 5);
        EnqueueResult second = h.enqueue("chat-7", "tramites", Channel.CHAT, 5);
        EnqueueResult elsewhere = h.enqueue("chat-7", "pequena", Channel.CHAT, 9);

        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isTrue();
        assertThat(elsewhere.duplicate()).isTrue();
        assertThat(h.engine.waiting("tramites")).hasSize(1);
        assertThat(h.engine.waiting("pequena")).isEmpty();
        assertThat(h.events(RoutingEventType.ENQUEUED)).hasSize(1);
    }

    @Test
    void aDuplicateReportsWhereTheItemStands() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.CHAT, 1).build());
        h.enqueue("chat-7", "tramites", Channel.CHAT, 5);
        h.engine.accept("chat-7", "ana.gomez");

        assertThat(h.enqueue("chat-7", "tramites", Channel.CHAT, 5).status()).isEqualTo(ItemStatus.ACCEPTED);

        h.engine.complete("chat-7", "ana.gomez");
        h.engine.endWrapUp("chat-7", "ana.gomez");
        EnqueueResult late = h.enqueue("chat-7", "tramites", Channel.CHAT, 5);
        assertThat(late.duplicate()).isTrue();
        assertThat(late.status()).isEqualTo(ItemStatus.FINISHED);
        assertThat(h.offeredTo("ana.gomez")).containsExactly("chat-7");
    }

    @Test
    void concurrentEnqueuesOfTheSameItemsQueueEachOnce() throws Exception {
        int threads = 8;
        int items = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> fresh = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                fresh.add(pool.submit(() -> {
                    start.await();
                    int added = 0;
                    for (int i = 0; i < items; i++) {
                        if (!h.enqueue("correo-" + i, "tramites", Channel.EMAIL, i % 10).duplicate()) {
                            added++;
                        }
                    }
                    return added;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> count : fresh) {
                total += count.get(30, TimeUnit.SECONDS);
            }

            assertThat(total).isEqualTo(items);
        } finally {
            pool.shutdownNow();
        }
        assertThat(h.engine.waiting("tramites")).hasSize(items);
        assertThat(h.events(RoutingEventType.ENQUEUED)).hasSize(items);
        assertThat(h.engine.metrics().queue("tramites").orElseThrow().waiting()).isEqualTo(items);
    }

    @Test
    void aFullQueueRefusesWithTheSizeAndTheLimit() {
        h.enqueue("llamada-1", "pequena", Channel.VOICE, 5);
        h.enqueue("llamada-2", "pequena", Channel.VOICE, 5);

        assertThatThrownBy(() -> h.enqueue("llamada-3", "pequena", Channel.VOICE, 5))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED))
                .hasMessage("queue 'pequena' is full (2 of 2)");
        assertThat(h.enqueue("llamada-2", "pequena", Channel.VOICE, 5).duplicate())
                .as("a duplicate of a queued item is still answered as such when the queue is full").isTrue();
        assertThat(h.events(RoutingEventType.REJECTED)).hasSize(1);
    }
}
