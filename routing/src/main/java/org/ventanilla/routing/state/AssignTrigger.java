package org.ventanilla.routing.state;

import java.util.Objects;

/**
 * What an assignment attempt starts from.
 *
 * @param kind the starting point
 * @param id   the item, agent or queue id
 */
public record AssignTrigger(Kind kind, String id) {

    /** Where an attempt starts. */
    public enum Kind {
        /** A waiting item looks for the best eligible agent with a free slot. */
        ITEM,
        /** An agent with a free slot takes the most urgent item it is eligible for. */
        AGENT,
        /** Any agent of the queue with a free slot takes its most urgent eligible item (a sweep). */
        QUEUE
    }

    public AssignTrigger {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static AssignTrigger forItem(String itemId) {
        return new AssignTrigger(Kind.ITEM, itemId);
    }

    public static AssignTrigger forAgent(String agentId) {
        return new AssignTrigger(Kind.AGENT, agentId);
    }

    public static AssignTrigger forQueue(String queueId) {
        return new AssignTrigger(Kind.QUEUE, queueId);
    }
}
