package org.ventanilla.core.port;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Events between the nodes of a cluster (for example a chat message received on node A for an agent on
 * node B). Memory adapter for one node; Redis pub/sub for several. Delivery is best effort and at most
 * once per subscriber: what must not be lost is stored in the records port first.
 */
public interface ClusterEvents extends AutoCloseable {

    /** The longest topic name accepted. */
    int MAX_TOPIC_LENGTH = 200;

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

    /**
     * Checks a topic name: 1 to {@value #MAX_TOPIC_LENGTH} visible characters, no spaces. Topics are chosen by
     * code (for example {@code chat.to-agent.42}), never by a citizen.
     *
     * @throws VentanillaException INVALID_INPUT naming the rule broken
     */
    static String checkTopic(String topic) {
        if (topic == null || topic.isEmpty()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "cluster event topic is missing");
        }
        if (topic.length() > MAX_TOPIC_LENGTH) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "cluster event topic length (" + topic.length() + ") exceeds the allowed maximum (" + MAX_TOPIC_LENGTH + ")");
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT,
                        "cluster event topic '" + topic.replaceAll("\\p{Cntrl}", "?") + "' contains a space or control character");
            }
        }
        return topic;
    }

    /** An active subscription. */
    interface Subscription {
        CompletionStage<Void> unsubscribe();
    }
}
