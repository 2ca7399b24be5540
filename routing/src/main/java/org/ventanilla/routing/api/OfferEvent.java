package org.ventanilla.routing.api;

import java.time.Instant;

/**
 * Sent to the agent a work item is offered to, on {@link RoutingAddresses#offersFor(String)}. The agent answers
 * with an {@link OfferReply} before {@code expiresAt}.
 *
 * @param offerId   this offer (an item offered twice gets two ids)
 * @param itemId    the work item
 * @param agentId   the agent
 * @param queueId   the item's queue
 * @param channel   the item's channel
 * @param category  the item's service category
 * @param priority  the item's priority
 * @param arrivedAt when the item entered its queue
 * @param offeredAt when the offer was made
 * @param expiresAt when the offer times out and the item goes back to its place
 */
public record OfferEvent(String offerId, String itemId, String agentId, String queueId, Channel channel, String category,
        int priority, Instant arrivedAt, Instant offeredAt, Instant expiresAt) {
}
