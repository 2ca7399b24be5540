package org.ventanilla.core.adapter.memory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.ClusterEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster events of a single node. Handlers run on one dispatch thread of this adapter, in publication order,
 * never on the publisher's thread, so that a handler publishing again cannot re-enter the publisher.
 */
public final class MemoryClusterEvents implements ClusterEvents {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryClusterEvents.class);

    private final Map<String, List<MemorySubscription>> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ventanilla-cluster-events");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    private MemoryClusterEvents() {
    }

    public static MemoryClusterEvents create() {
        return new MemoryClusterEvents();
    }

    @Override
    public CompletionStage<Void> publish(String topic, String payload) {
        try {
            ClusterEvents.checkTopic(topic);
            if (payload == null) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "cluster event payload is missing (topic '" + topic + "')");
            }
            requireOpen();
            dispatcher.execute(() -> deliver(topic, payload));
            return CompletableFuture.completedFuture(null);
        } catch (VentanillaException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(closedFailure());
        }
    }

    @Override
    public CompletionStage<Subscription> subscribe(String topic, Consumer<String> handler) {
        try {
            ClusterEvents.checkTopic(topic);
            if (handler == null) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "cluster event handler is missing (topic '" + topic + "')");
            }
            requireOpen();
        } catch (VentanillaException e) {
            return CompletableFuture.failedFuture(e);
        }
        MemorySubscription subscription = new MemorySubscription(topic, handler);
        subscribers.compute(topic, (t, list) -> {
            List<MemorySubscription> updated = list == null ? new CopyOnWriteArrayList<>() : list;
            updated.add(subscription);
            return updated;
        });
        return CompletableFuture.completedFuture(subscription);
    }

    @Override
    public boolean isReachable() {
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
        subscribers.clear();
        dispatcher.shutdown();
    }

    private void deliver(String topic, String payload) {
        List<MemorySubscription> list = subscribers.get(topic);
        if (list == null) {
            return;
        }
        for (MemorySubscription subscription : list) {
            try {
                subscription.handler.accept(payload);
            } catch (RuntimeException e) {
                // The payload may carry personal data: only the topic is logged.
                LOG.error("cluster event handler failed on topic '{}'", topic, e);
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw closedFailure();
        }
    }

    private static VentanillaException closedFailure() {
        return new VentanillaException(ErrorCode.UNAVAILABLE, "cluster events are closed");
    }

    private final class MemorySubscription implements Subscription {
        private final String topic;
        private final Consumer<String> handler;

        private MemorySubscription(String topic, Consumer<String> handler) {
            this.topic = topic;
            this.handler = handler;
        }

        @Override
        public CompletionStage<Void> unsubscribe() {
            subscribers.computeIfPresent(topic, (t, list) -> {
                list.remove(this);
                return list.isEmpty() ? null : list;
            });
            return CompletableFuture.completedFuture(null);
        }
    }
}
