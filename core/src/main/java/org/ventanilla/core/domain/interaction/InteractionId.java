package org.ventanilla.core.domain.interaction;

import java.util.Objects;
import java.util.UUID;

/** The id of one interaction (a call, a chat, an email thread, an Open311 request). */
public record InteractionId(String value) {

    public InteractionId {
        Objects.requireNonNull(value, "value");
        UUID.fromString(value);
    }

    public static InteractionId random() {
        return new InteractionId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
