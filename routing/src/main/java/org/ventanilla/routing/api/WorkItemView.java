package org.ventanilla.routing.api;

import java.time.Instant;

/**
 * What routing tells about one work item.
 *
 * @param itemId    the work item
 * @param queueId   its queue
 * @param channel   its channel
 * @param category  its service category
 * @param priority  0 to 9
 * @param arrivedAt when it entered its queue (kept when an offer is declined or times out)
 * @param status    where it stands
 * @param agentId   the agent it is offered to or handled by, or {@code null}
 */
public record WorkItemView(String itemId, String queueId, Channel channel, String category, int priority, Instant arrivedAt,
        ItemStatus status, String agentId) {
}
