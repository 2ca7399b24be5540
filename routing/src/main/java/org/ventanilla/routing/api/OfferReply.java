package org.ventanilla.routing.api;

/**
 * An agent's answer to an offer, sent to {@link RoutingAddresses#OFFER_REPLY}.
 *
 * @param itemId   the work item offered
 * @param agentId  the agent answering
 * @param accepted true to accept, false to decline
 */
public record OfferReply(String itemId, String agentId, boolean accepted) {

    public OfferReply {
        RoutingIds.require("work item id", itemId);
        RoutingIds.require("agent id", agentId);
    }
}
