package org.ventanilla.core.port;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Events between the nodes of a cluster (for example a chat message received on node A for an agent on
 * node B). Memory adapter for one node; Redis pub/sub for several. Delivery is best effort and at most
 * once per subscriber: what must not be lost is stored in the records port first.
 */
public interface ClusterEvents extends AutoCloseable {

    /** Publishes to every subscriber of the topic on every node, this one included. */
    CompletionStage<Void> publish(String topic, String payload);

    /**
     * Subscribes to a topic. The handler runs on an adapter thread: Vert.x callers hop back to their
     * context. The returned stage completes once the subscription is active on the server.
     */
    CompletionStage<Subscription> subscribe(String topic, Consumer<String> handler);

    /** False while the backing server cannot be reached. */
    boolean isReachable();

    @Override
    void close();

    /** An active subscription. */
    interface Subscription {
        CompletionStage<Void> unsubscribe();
    }
}
