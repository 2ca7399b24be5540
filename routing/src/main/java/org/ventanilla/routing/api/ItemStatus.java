package org.ventanilla.routing.api;

/** Where a work item stands in routing. */
public enum ItemStatus {
    /** In its queue, waiting for an agent. */
    WAITING,
    /** Offered to one agent, who has not answered yet; it keeps its place and still counts as waiting. */
    OFFERED,
    /** Accepted: an agent is handling it. */
    ACCEPTED,
    /** Completed; the agent is in wrap-up and still holds the capacity slot. */
    WRAP_UP,
    /** Gone from routing (completed and wrapped up, abandoned, cancelled or overflowed out of routing). */
    FINISHED
}
