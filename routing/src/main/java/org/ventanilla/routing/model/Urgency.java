package org.ventanilla.routing.model;

/**
 * Urgency of a waiting item: its priority plus one level for each service-level target it has waited. A priority 0
 * chat item with a 60 s target that has waited 9 minutes is as urgent as a fresh priority 9 item, so low priority
 * is served later but never starved. The live-state adapters (memory, and the Redis script) use this one formula.
 */
public final class Urgency {

    private Urgency() {
    }

    /**
     * @param priority     0 to 9
     * @param waitedMillis how long the item has waited, in milliseconds
     * @param targetMillis the service-level target of the item, in milliseconds, positive
     */
    public static double of(int priority, long waitedMillis, long targetMillis) {
        return priority + (double) Math.max(0, waitedMillis) / targetMillis;
    }
}
