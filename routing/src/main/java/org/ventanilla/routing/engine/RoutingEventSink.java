package org.ventanilla.routing.engine;

import org.ventanilla.routing.api.OfferEvent;
import org.ventanilla.routing.api.RoutingEvent;

/**
 * Receives every routing event (for the history store and the event bus) and every offer (to deliver to the agent).
 * Called by the engine while it holds its lock, in the order things happened: implementations must be quick and
 * must not call back into the engine; hand the work to another thread or the event bus.
 */
public interface RoutingEventSink {

    /** A sink that drops everything. */
    RoutingEventSink NONE = event -> { };

    /** Records one event. */
    void record(RoutingEvent event);

    /** Delivers one offer to its agent; the matching OFFERED event is recorded too. */
    default void offer(OfferEvent offer) {
    }
}
