package org.ventanilla.routing.api;

/**
 * The live state of an agent as supervisors see it. Agents declare {@link #AVAILABLE}, {@link #AWAY} (with a
 * reason) or {@link #OFFLINE}; {@link #BUSY} and {@link #WRAP_UP} follow from the work they hold.
 */
public enum AgentState {
    /** Signed out; receives nothing. */
    OFFLINE,
    /** Ready; receives offers up to the capacity of each channel. */
    AVAILABLE,
    /** Handling at least one accepted work item. */
    BUSY,
    /** Finished a work item and doing the after-contact work; that slot is still held. */
    WRAP_UP,
    /** At the desk but taking no new work, with a reason (a break, a meeting, missed offers). */
    AWAY;

    /** Whether an agent may set this state directly (the others follow from accepted work). */
    public boolean declarable() {
        return this == OFFLINE || this == AVAILABLE || this == AWAY;
    }
}
