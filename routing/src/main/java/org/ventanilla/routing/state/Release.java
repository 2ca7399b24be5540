package org.ventanilla.routing.state;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link LiveState#completeAndRelease}: the completion and, for a channel without wrap-up, the end of
 * the wrap-up and the next offer made to the freed agent.
 *
 * @param completed as {@link LiveState#complete} returns it
 * @param ended     as {@link LiveState#endWrapUp} returns it, or {@code null} when the channel has a wrap-up
 * @param next      the first offer made to the freed agent, or {@code null}
 */
public record Release(Transition completed, Transition ended, Assignment next) {

    public Release {
        Objects.requireNonNull(completed, "completed");
        if (ended == null && next != null) {
            throw new IllegalArgumentException("an agent still in wrap-up gets no next offer");
        }
    }

    /** The end of the wrap-up, when the channel has none. */
    public Optional<Transition> released() {
        return Optional.ofNullable(ended);
    }

    /** The next offer to the agent, if any. */
    public Optional<Assignment> nextOffer() {
        return Optional.ofNullable(next);
    }
}
