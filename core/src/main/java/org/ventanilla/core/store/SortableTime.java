package org.ventanilla.core.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants written into lookup keys so that key order is time order. {@link Instant#toString()} is not fit
 * for that: it drops a zero fraction, and "10:00:00.5Z" sorts before "10:00:00Z".
 */
final class SortableTime {

    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
            .withZone(ZoneOffset.UTC);

    private SortableTime() {
    }

    /** Fixed width, UTC, nanoseconds: for example {@code 2026-11-24T15:00:00.000000000Z}. */
    static String of(Instant instant) {
        return FIXED.format(instant);
    }

    /** A sequence number of fixed width (19 digits), so that it sorts as a number. */
    static String sequence(long value) {
        return String.format("%019d", value);
    }
}
