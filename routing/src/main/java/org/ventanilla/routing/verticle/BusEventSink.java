package org.ventanilla.routing.verticle;

import io.vertx.core.eventbus.EventBus;
import java.util.Objects;
import org.ventanilla.routing.api.OfferEvent;
import org.ventanilla.routing.api.RoutingAddresses;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.engine.RoutingEventSink;
import org.ventanilla.routing.store.RoutingJson;

/**
 * Publishes every routing event on {@link RoutingAddresses#EVENTS} and every offer on
 * {@link RoutingAddresses#offersFor(String)} (published, so that every console tab of the agent sees it and an agent
 * with no tab open is no error), after handing both to the next sink (the history). Publishing only queues the
 * message, so it is cheap enough to run under the engine's lock, from any thread.
 */
public final class BusEventSink implements RoutingEventSink {

    private final EventBus bus;
    private final RoutingEventSink next;

    private BusEventSink(EventBus bus, RoutingEventSink next) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.next = Objects.requireNonNull(next, "next");
    }

    /** A sink publishing on {@code bus} after {@code next} (use {@link RoutingEventSink#NONE} for none). */
    public static BusEventSink create(EventBus bus, RoutingEventSink next) {
        return new BusEventSink(bus, next);
    }

    @Override
    public void record(RoutingEvent event) {
        next.record(event);
        bus.publish(RoutingAddresses.EVENTS, RoutingJson.toJson(event));
    }

    @Override
    public void offer(OfferEvent offer) {
        next.offer(offer);
        bus.publish(RoutingAddresses.offersFor(offer.agentId()), RoutingJson.toJson(offer));
    }
}
