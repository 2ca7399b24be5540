package org.ventanilla.routing.model;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.RoutingIds;

/**
 * What happens to an item that waited its queue's maximum.
 *
 * @param kind          the action
 * @param targetQueueId the queue to move to, for {@link Kind#OTHER_QUEUE} only
 */
public record OverflowAction(Kind kind, String targetQueueId) {

    /** The overflow actions. */
    public enum Kind {
        /** Move the item to another queue (ignoring that queue's size limit and hours: the contact is already in). */
        OTHER_QUEUE,
        /** Take the item out of routing and ask for a callback (voice): the voice module originates it. */
        CALLBACK,
        /** Take the item out of routing and ask for a deferred case: core turns the contact into one. */
        DEFERRED_CASE
    }

    public OverflowAction {
        if (kind == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "overflow action is missing");
        }
        if (kind == Kind.OTHER_QUEUE) {
            RoutingIds.require("overflow target queue id", targetQueueId);
        } else if (targetQueueId != null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "overflow action " + kind + " takes no target queue");
        }
    }

    /** Move to {@code queueId}. */
    public static OverflowAction toQueue(String queueId) {
        return new OverflowAction(Kind.OTHER_QUEUE, queueId);
    }

    /** Offer a callback. */
    public static OverflowAction callback() {
        return new OverflowAction(Kind.CALLBACK, null);
    }

    /** Make a deferred case. */
    public static OverflowAction deferredCase() {
        return new OverflowAction(Kind.DEFERRED_CASE, null);
    }

    /** The event detail: {@code OTHER_QUEUE:id}, {@code CALLBACK} or {@code DEFERRED_CASE}. */
    public String describe() {
        return kind == Kind.OTHER_QUEUE ? kind + ":" + targetQueueId : kind.name();
    }
}
