package org.ventanilla.routing.state;

import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.model.WorkItem;

/**
 * A work item as the live state holds it.
 *
 * @param item    the item
 * @param status  where it stands
 * @param agentId the agent it is offered to or held by, or {@code null}
 * @param offerId the current offer, or {@code null} when not offered
 */
public record LiveItem(WorkItem item, ItemStatus status, String agentId, String offerId) {

    /** The public view of this item. */
    public WorkItemView view() {
        return new WorkItemView(item.id(), item.queueId(), item.channel(), item.category(), item.priority(), item.arrivedAt(),
                status, agentId);
    }
}
