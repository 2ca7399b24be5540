package org.ventanilla.channels.chat;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the chat needs from routing, kept narrow; {@link BusChatRouting} serves it over routing's event-bus api.
 * A chat is routed as the work item of its interaction: the item id is the interaction id that intake gave the
 * chat's first message. Offers reach an agent through the {@link OfferListener} given when the agent signs on.
 */
public interface ChatRouting {

    /** Queues a chat for an agent (harmless when routing already holds the item). */
    Future<Void> enqueue(ChatWork work);

    /** The citizen left before an agent took the chat (an abandonment). */
    Future<Void> abandon(String itemId);

    /** The chat needs no agent any more (solved by self-service): withdrawn, not counted as abandoned. */
    Future<Void> cancel(String itemId);

    /** The agent accepts the item offered to them; fails with CONFLICT when it is not (or no longer) offered to them. */
    Future<Void> accept(String itemId, String agentId);

    /** The agent declines; the item goes back to its place and is offered to another agent where one exists. */
    Future<Void> decline(String itemId, String agentId);

    /** The conversation ended; the agent's slot is free again (wrap-up ended at once). */
    Future<Void> complete(String itemId, String agentId);

    /** The agent hands the chat to another queue. */
    Future<Void> transfer(String itemId, String agentId, String queue);

    /** The agent is ready for chats (up to {@code capacity} at once); offers go to {@code listener}. */
    Future<Void> signOn(String agentId, int capacity, OfferListener listener);

    /** The agent's connection is gone: their pending offers go back to the queue; accepted chats stay theirs. */
    void signOff(String agentId);

    /** The places of several waiting items at once (items not waiting are left out). */
    Future<Map<String, Position>> positions(Collection<String> itemIds);

    /**
     * One chat to route.
     *
     * @param chatId   the chat
     * @param itemId   its work item (the interaction id)
     * @param category the service category intake chose
     * @param topic    the topic the citizen chose, or {@code null}
     * @param priority 0 to 9
     */
    record ChatWork(String chatId, String itemId, String category, String topic, int priority) {
    }

    /** An offer of one item to one agent, to answer before {@code expiresAt}. */
    record Offer(String offerId, String itemId, String queue, String category, int priority, Instant expiresAt) {
    }

    /** Where a waiting chat stands. */
    record Position(int place, long estimatedWaitSeconds) {
    }

    /** Receives offers for one agent. */
    @FunctionalInterface
    interface OfferListener {
        void offer(Offer offer);
    }
}
