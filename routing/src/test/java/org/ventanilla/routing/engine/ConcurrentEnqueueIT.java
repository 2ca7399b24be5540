package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.testing.TestServices;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.state.LiveItem;

/**
 * Idempotent enqueue when the same contacts reach two nodes at once (the outbox relay re-sending after a failover, a
 * channel retrying on another node): over one Redis live state every item is queued once, whichever node and thread
 * wins, and only the winner reports it as entered.
 */
class ConcurrentEnqueueIT {

    private static final int ITEMS = 200;
    private static final int THREADS_PER_NODE = 4;

    private final MutableClock clock = new MutableClock(EngineHarness.START, EngineHarness.BOGOTA);
    private final String prefix = TestServices.uniquePrefix();
    private final List<RedisNode> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(RedisNode::close);
    }

    @Test
    void theSameItemsEnqueuedConcurrentlyOnTwoNodesAreQueuedOnceEach() throws Exception {
        RedisNode cali = new RedisNode(prefix, "nodo-cali", clock);
        RedisNode pasto = new RedisNode(prefix, "nodo-pasto", clock);
        nodes.add(cali);
        nodes.add(pasto);
        for (RedisNode node : nodes) {
            node.engine.defineQueue(QueueSpec.builder("tramites").maxSize(1_000).build());
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS_PER_NODE * nodes.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> added = new ArrayList<>();
        try {
            for (RedisNode node : nodes) {
                for (int t = 0; t < THREADS_PER_NODE; t++) {
                    added.add(pool.submit(() -> {
                        start.await();
                        int fresh = 0;
                        for (int i = 0; i < ITEMS; i++) {
                            EnqueueRequest request = new EnqueueRequest("correo-" + i, "tramites", Channel.EMAIL,
                                    "tramites.licencias", List.of(), "es", i % 10);
                            if (!node.engine.enqueue(request).duplicate()) {
                                fresh++;
                            }
                        }
                        return fresh;
                    }));
                }
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> count : added) {
                total += count.get(120, TimeUnit.SECONDS);
            }

            assertThat(total).as("enqueues answered as new, over both nodes").isEqualTo(ITEMS);
        } finally {
            pool.shutdownNow();
        }
        List<LiveItem> held = cali.state.items();
        assertThat(held).hasSize(ITEMS);
        assertThat(new HashSet<>(held.stream().map(live -> live.item().id()).toList())).hasSize(ITEMS);
        List<RoutingEvent> entered = new ArrayList<>(cali.sink.events(RoutingEventType.ENQUEUED));
        entered.addAll(pasto.sink.events(RoutingEventType.ENQUEUED));
        assertThat(entered).hasSize(ITEMS);
        assertThat(new HashSet<>(entered.stream().map(RoutingEvent::itemId).toList())).hasSize(ITEMS);
        assertThat(cali.engine.waiting("tramites")).hasSize(ITEMS);
    }
}
