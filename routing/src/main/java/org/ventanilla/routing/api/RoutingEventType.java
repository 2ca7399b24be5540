package org.ventanilla.routing.api;

/** What happened, in a {@link RoutingEvent}. */
public enum RoutingEventType {
    /** A work item entered a queue (a new contact, a transfer or an overflow into the queue). */
    ENQUEUED,
    /** An enqueue was refused; the detail says why ({@code full} or {@code closed}). */
    REJECTED,
    /** A work item was put back into its queue when routing was rebuilt after a restart. */
    RESTORED,
    /** A work item was offered to an agent; the detail is the offer id. */
    OFFERED,
    /** The agent accepted the offer. */
    ACCEPTED,
    /** The agent declined the offer; the item went back to its place. */
    DECLINED,
    /** The offer timed out; the item went back to its place. */
    TIMED_OUT,
    /** A skill requirement of a waiting item was lowered or dropped; the detail names the skill and new level. */
    RELAXED,
    /** The citizen left before being answered. */
    ABANDONED,
    /** The item was withdrawn by the system; the detail is the reason. */
    CANCELLED,
    /** The item waited the queue's maximum; the detail is the action ({@code OTHER_QUEUE:id}, {@code CALLBACK},
     * {@code DEFERRED_CASE}). Callback and deferred case are carried out by other modules on this event. */
    OVERFLOWED,
    /** The item was moved to another queue or agent; the detail names the target. */
    TRANSFERRED,
    /** The agent finished handling the item and entered wrap-up. */
    COMPLETED,
    /** The agent finished the wrap-up of the item (or it timed out); the slot is free again. */
    WRAP_UP_ENDED,
    /** An agent's state changed; {@link RoutingEvent#agentState()} is the new state, the detail the away reason. */
    STATE_CHANGED,
    /** A deferred case joined its team's work list (item id = case id, queue id = team id). */
    CASE_ADDED,
    /** A deferred case was claimed by or assigned to an agent. */
    CASE_ASSIGNED,
    /** A deferred case left the work list (closed). */
    CASE_CLOSED,
    /** A deferred case has used the configured share of its term (for example 75 %); the detail is the due time. */
    DEADLINE_WARNING,
    /** A deferred case passed its due time; the detail is the due time. */
    DEADLINE_OVERDUE
}
