package org.ventanilla.routing.state;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link LiveState#enqueueAndAssign}: what the enqueue did and, when the item was added and an eligible
 * agent had a free slot, the offer made at once.
 *
 * @param outcome    the enqueue's outcome (for an item offered at once, its item is already OFFERED)
 * @param assignment the offer made at once, or {@code null}
 */
public record Arrival(EnqueueOutcome outcome, Assignment assignment) {

    public Arrival {
        Objects.requireNonNull(outcome, "outcome");
        if (assignment != null && outcome.status() != EnqueueOutcome.Status.ADDED) {
            throw new IllegalArgumentException("only an added item can be offered at once, not a " + outcome.status() + " one");
        }
    }

    /** The offer made at once, if any. */
    public Optional<Assignment> offered() {
        return Optional.ofNullable(assignment);
    }
}
