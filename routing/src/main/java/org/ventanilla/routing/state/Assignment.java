package org.ventanilla.routing.state;

import java.time.Instant;
import org.ventanilla.routing.model.WorkItem;

/**
 * A work item reserved for an agent by {@link LiveState#assignNext}: the agent's slot is taken and nobody else can
 * get the item until the offer is accepted, returned or the item removed.
 *
 * @param item      the item
 * @param agentId   the agent
 * @param offerId   the offer's id ({@code itemId#n} for the n-th offer of the item)
 * @param offeredAt when
 */
public record Assignment(WorkItem item, String agentId, String offerId, Instant offeredAt) {
}
