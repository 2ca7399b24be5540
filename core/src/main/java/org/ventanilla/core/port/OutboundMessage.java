package org.ventanilla.core.port;

import java.util.Objects;

/**
 * A message to a citizen on one channel. {@code answerId} and {@code answerVersion} record which approved
 * answer it carries (both null for free text).
 */
public record OutboundMessage(String channel, String address, String interactionId, String subject, String body,
        String answerId, Integer answerVersion) {

    public OutboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(body, "body");
    }

    /** Delivery states. */
    public enum State { PENDING, DELIVERED, FAILED }

    /** A stored message with its delivery state. */
    public record Tracked(String id, OutboundMessage message, State state, int attempts, String lastError) {
    }
}
