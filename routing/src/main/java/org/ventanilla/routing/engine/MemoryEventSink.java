package org.ventanilla.routing.engine;

import java.util.ArrayList;
import java.util.List;
import org.ventanilla.routing.api.OfferEvent;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;

/** Keeps every event and offer in memory, for tests and for a single node without a history store. Thread-safe. */
public final class MemoryEventSink implements RoutingEventSink {

    private final List<RoutingEvent> events = new ArrayList<>();
    private final List<OfferEvent> offers = new ArrayList<>();

    @Override
    public synchronized void record(RoutingEvent event) {
        events.add(event);
    }

    @Override
    public synchronized void offer(OfferEvent offer) {
        offers.add(offer);
    }

    /** Every event so far, oldest first. */
    public synchronized List<RoutingEvent> events() {
        return List.copyOf(events);
    }

    /** The events of one type, oldest first. */
    public synchronized List<RoutingEvent> events(RoutingEventType type) {
        List<RoutingEvent> result = new ArrayList<>();
        for (RoutingEvent event : events) {
            if (event.type() == type) {
                result.add(event);
            }
        }
        return result;
    }

    /** Every offer so far, oldest first. */
    public synchronized List<OfferEvent> offers() {
        return List.copyOf(offers);
    }

    /** The latest offer, or null. */
    public synchronized OfferEvent lastOffer() {
        return offers.isEmpty() ? null : offers.get(offers.size() - 1);
    }

    /** Forgets everything. */
    public synchronized void clear() {
        events.clear();
        offers.clear();
    }
}
