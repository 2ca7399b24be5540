package org.ventanilla.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with the system clock, shifted by an offset the test moves: a wired node keeps its real timers
 * (routing ticks every 200 ms) while the test makes minutes pass at once instead of sleeping through them.
 */
final class ShiftedClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    private ShiftedClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    /** A clock reading {@code start} now, and running from there. */
    static ShiftedClock startingAt(Instant start) {
        return new ShiftedClock(new AtomicReference<>(Duration.between(Instant.now(), start)), ZoneOffset.UTC);
    }

    /** Makes {@code duration} pass at once. */
    void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time seen from another zone. */
    @Override
    public Clock withZone(ZoneId otherZone) {
        return new ShiftedClock(offset, otherZone);
    }
}
