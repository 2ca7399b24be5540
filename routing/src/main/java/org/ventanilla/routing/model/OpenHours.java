package org.ventanilla.routing.model;

import java.time.Instant;

/**
 * When a queue takes new live work (voice and chat). Email and Open311 are taken at any time and wait for the
 * next opening. A lambda will do ({@code at -> true}); {@link WeeklyHours} covers the usual weekly timetable with
 * closure days.
 */
@FunctionalInterface
public interface OpenHours {

    /** Open around the clock. */
    OpenHours ALWAYS = at -> true;

    /** Whether the queue is open at {@code at}. */
    boolean isOpen(Instant at);
}
