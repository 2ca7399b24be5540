package org.ventanilla.core.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import io.vertx.core.json.JsonObject;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.RecordLimits;

/**
 * How the {@link OutboxRelay} polls: batch size, pause between polls, pause after a failure, and whether this
 * node may relay now ({@code isLeader}, asked before every poll; by default always).
 */
public final class RelayOptions {

    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);
    private static final BooleanSupplier ALWAYS = () -> true;

    private int batchSize = DEFAULT_BATCH_SIZE;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration retryDelay = DEFAULT_RETRY_DELAY;
    private BooleanSupplier isLeader = ALWAYS;

    public RelayOptions() {
    }

    public RelayOptions(RelayOptions other) {
        this.batchSize = other.batchSize;
        this.pollInterval = other.pollInterval;
        this.retryDelay = other.retryDelay;
        this.isLeader = other.isLeader;
    }

    /** From {@code batchSize}, {@code pollIntervalMillis} and {@code retryDelayMillis}; absent keys keep their defaults. */
    public RelayOptions(JsonObject json) {
        setBatchSize(json.getInteger("batchSize", DEFAULT_BATCH_SIZE));
        setPollInterval(Duration.ofMillis(json.getLong("pollIntervalMillis", DEFAULT_POLL_INTERVAL.toMillis())));
        setRetryDelay(Duration.ofMillis(json.getLong("retryDelayMillis", DEFAULT_RETRY_DELAY.toMillis())));
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("batchSize", batchSize)
                .put("pollIntervalMillis", pollInterval.toMillis())
                .put("retryDelayMillis", retryDelay.toMillis());
    }

    public int getBatchSize() {
        return batchSize;
    }

    /** Events read per poll, 1 to {@value RecordLimits#MAX_LIST_LIMIT}. */
    public RelayOptions setBatchSize(int batchSize) {
        if (batchSize < 1 || batchSize > RecordLimits.MAX_LIST_LIMIT) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "outbox relay batchSize (" + batchSize + ") must be between 1 and "
                    + RecordLimits.MAX_LIST_LIMIT);
        }
        this.batchSize = batchSize;
        return this;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    /** Pause between polls when the outbox is drained, 1 ms to 1 hour. */
    public RelayOptions setPollInterval(Duration pollInterval) {
        this.pollInterval = checked("pollInterval", pollInterval);
        return this;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    /** Pause after a failure (the publisher or the store), 1 ms to 1 hour. */
    public RelayOptions setRetryDelay(Duration retryDelay) {
        this.retryDelay = checked("retryDelay", retryDelay);
        return this;
    }

    public BooleanSupplier getIsLeader() {
        return isLeader;
    }

    /** Asked before each poll: the relay only reads and publishes while it answers true (for example while a lease is held). */
    public RelayOptions setIsLeader(BooleanSupplier isLeader) {
        this.isLeader = Objects.requireNonNull(isLeader, "isLeader");
        return this;
    }

    private static Duration checked(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.toMillis() < 1 || value.compareTo(Duration.ofHours(1)) > 0) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "outbox relay " + name + " (" + value.toMillis()
                    + " ms) must be between 1 ms and 1 hour");
        }
        return value;
    }
}
