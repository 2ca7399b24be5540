package org.ventanilla.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * An event stored in the outbox in the same transaction as the record it announces, and published later
 * by the relay, at least once and in order per aggregate.
 *
 * @param sequence global order of the outbox (assigned by the store)
 * @param aggregateType for example {@code interaction}, {@code case}
 * @param aggregateId id of the record the event is about
 * @param type for example {@code interaction.received}
 * @param payload JSON
 * @param createdAt when the transaction stored it
 */
public record OutboxEvent(long sequence, String aggregateType, String aggregateId, String type, String payload, Instant createdAt) {

    public OutboxEvent {
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** An event before the store gives it a sequence number and a time. */
    public record Draft(String aggregateType, String aggregateId, String type, String payload) {
        public Draft {
            Objects.requireNonNull(aggregateType, "aggregateType");
            Objects.requireNonNull(aggregateId, "aggregateId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(payload, "payload");
        }
    }
}
