package org.ventanilla.core.port;

import java.util.Optional;

/**
 * Outbound messages to citizens (a chat reply, an email, a voice prompt, an Open311 status). A message
 * is stored first, then delivered by the driver that owns its channel; delivery is retried until the driver
 * confirms it or gives up with a permanent failure.
 */
public interface OutboundMessages {

    /** Stores the message for delivery, inside the caller's transaction; returns its id. */
    String enqueue(RecordTransaction tx, OutboundMessage message);

    /** The message and its delivery state. */
    Optional<OutboundMessage.Tracked> find(String id);

    /** Registers the driver of a channel; a second registration for the same channel replaces the first. */
    void registerDriver(String channel, OutboundDriver driver);

    /** Tries to deliver every pending message whose driver is registered; returns how many were delivered. */
    int deliverPending();

    /** Delivers one message on its channel. */
    @FunctionalInterface
    interface OutboundDriver {
        /**
         * Delivers the message; returns normally on success, throws a {@link org.ventanilla.core.error.VentanillaException}
         * with code UNAVAILABLE for a failure worth retrying, any other code for a permanent one.
         */
        void deliver(OutboundMessage message);
    }
}
