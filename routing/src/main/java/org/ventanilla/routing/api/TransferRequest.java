package org.ventanilla.routing.api;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Moves a work item to another queue or to one named agent, sent to {@link RoutingAddresses#TRANSFER}. Exactly
 * one of {@code queueId} and {@code agentId} is given.
 *
 * @param itemId  the work item (waiting, offered or accepted)
 * @param queueId the target queue, or {@code null}
 * @param agentId the target agent, or {@code null}
 */
public record TransferRequest(String itemId, String queueId, String agentId) {

    public TransferRequest {
        RoutingIds.require("work item id", itemId);
        RoutingIds.optional("queue id", queueId);
        RoutingIds.optional("agent id", agentId);
        if ((queueId == null) == (agentId == null)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "transfer of work item '" + itemId + "' needs exactly one target: a queue or an agent");
        }
    }

    /** Transfer to a queue. */
    public static TransferRequest toQueue(String itemId, String queueId) {
        return new TransferRequest(itemId, queueId, null);
    }

    /** Transfer to one agent. */
    public static TransferRequest toAgent(String itemId, String agentId) {
        return new TransferRequest(itemId, null, agentId);
    }
}
