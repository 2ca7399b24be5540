package org.ventanilla.channels.chat;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * What the chat needs from routing, kept narrow so that it can be served by the in-process
 * {@link LocalChatRouting} or by an adapter over routing's event-bus api. Offers reach an agent through the
 * {@link OfferListener} given when the agent signs on.
 */
public interface ChatRouting {

    /** Queues a chat for an agent. */
    Future<Void> enqueue(ChatWork work);

    /** The citizen left before an agent took the chat (an abandonment). */
    Future<Void> abandon(String chatId);

    /** The agent accepts the chat offered to them; fails with CONFLICT when it is not (or no longer) offered to them. */
    Future<Void> accept(String chatId, String agentId);

    /** The agent declines; the chat goes back to its place and is offered to another agent where one exists. */
    Future<Void> decline(String chatId, String agentId);

    /** The conversation ended; the agent's slot is free again. */
    Future<Void> complete(String chatId, String agentId);

    /** The agent hands the chat to another queue. */
    Future<Void> transfer(String chatId, String agentId, String queue);

    /** The agent is ready for chats (up to {@code capacity} at once); offers go to {@code listener}. */
    void signOn(String agentId, int capacity, OfferListener listener);

    /** The agent's connection is gone: their pending offers go back to the queue. */
    void signOff(String agentId);

    /** The place of a waiting chat (1 = next) and the estimated wait in seconds. */
    Optional<Position> position(String chatId);

    /** The places of several waiting chats at once (chats not waiting are left out). */
    default java.util.Map<String, Position> positions(java.util.Collection<String> chatIds) {
        java.util.Map<String, Position> out = new java.util.HashMap<>();
        for (String id : chatIds) {
            position(id).ifPresent(p -> out.put(id, p));
        }
        return out;
    }

    /** One chat to route. */
    record ChatWork(String chatId, String queue, String category, String topic, int priority) {
    }

    /** Where a waiting chat stands. */
    record Position(int place, long estimatedWaitSeconds) {
    }

    /** Receives offers for one agent. */
    @FunctionalInterface
    interface OfferListener {
        void offer(ChatWork work);
    }
}
