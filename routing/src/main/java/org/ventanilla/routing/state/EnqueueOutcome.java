package org.ventanilla.routing.state;

/**
 * The result of {@link LiveState#enqueue}.
 *
 * @param status what happened
 * @param item   the item as held now (the earlier one for a duplicate), {@code null} when the queue was full
 * @param queued items in the queue (waiting or offered) after the call
 */
public record EnqueueOutcome(Status status, LiveItem item, int queued) {

    /** What happened. */
    public enum Status {
        /** The item was added. */
        ADDED,
        /** An item with this id is already held; nothing changed. */
        DUPLICATE,
        /** The queue holds its maximum; nothing changed. */
        FULL
    }
}
