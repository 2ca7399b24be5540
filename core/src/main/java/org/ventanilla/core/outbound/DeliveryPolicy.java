package org.ventanilla.core.outbound;

import java.time.Duration;
import java.util.Objects;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.RecordLimits;

/**
 * How {@link StoredOutboundMessages} retries: at most {@code maxAttempts} deliveries per message, the n-th retry
 * after {@code firstRetryDelay * 2^(n-1)} capped at {@code maxRetryDelay}; a message being delivered is held for
 * {@code claimTimeout} (after which another attempt may take it, should the deliverer have died); each channel is
 * read {@code batchSize} messages at a time.
 */
public record DeliveryPolicy(int maxAttempts, Duration firstRetryDelay, Duration maxRetryDelay, Duration claimTimeout, int batchSize) {

    /** 5 attempts, retries after 10 s, 20 s, 40 s, 80 s (at most 10 min), claims held 2 min, batches of 100. */
    public static final DeliveryPolicy DEFAULT =
            new DeliveryPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(2), 100);

    public DeliveryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "maxAttempts (" + maxAttempts + ") must be between 1 and 100");
        }
        positive("firstRetryDelay", firstRetryDelay);
        positive("maxRetryDelay", maxRetryDelay);
        positive("claimTimeout", claimTimeout);
        if (maxRetryDelay.compareTo(firstRetryDelay) < 0) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "maxRetryDelay (" + maxRetryDelay + ") must not be shorter than"
                    + " firstRetryDelay (" + firstRetryDelay + ")");
        }
        RecordLimits.limit(batchSize);
    }

    /** The pause before the next attempt after {@code attemptsSoFar} failed ones (1 or more). */
    public Duration retryDelay(int attemptsSoFar) {
        Duration delay = firstRetryDelay;
        for (int i = 1; i < attemptsSoFar && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, name + " (" + value + ") must be positive");
        }
    }
}
