package org.ventanilla.routing.engine;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** Timers keyed by kind and id, one per key; fired by polling with the current time. Not thread-safe. */
final class Timers {

    /** What a timer is for. */
    enum Kind {
        OFFER, WRAP_UP, CASE_WARNING, CASE_OVERDUE
    }

    /** A timer's key. */
    record Key(Kind kind, String id) {
    }

    private record Timer(Key key, Instant due, long seq) {
    }

    private static final Comparator<Timer> ORDER = Comparator.comparing(Timer::due).thenComparingLong(Timer::seq);

    private final TreeSet<Timer> byDue = new TreeSet<>(ORDER);
    private final Map<Key, Timer> byKey = new HashMap<>();
    private long sequence;

    /** Sets the timer of {@code kind} and {@code id} to {@code due}, replacing an earlier one. */
    void schedule(Kind kind, String id, Instant due) {
        Key key = new Key(kind, id);
        Timer old = byKey.remove(key);
        if (old != null) {
            byDue.remove(old);
        }
        Timer timer = new Timer(key, due, ++sequence);
        byKey.put(key, timer);
        byDue.add(timer);
    }

    void cancel(Kind kind, String id) {
        Timer old = byKey.remove(new Key(kind, id));
        if (old != null) {
            byDue.remove(old);
        }
    }

    /** Removes and returns the earliest timer due at {@code now}, or null. */
    Key pollDue(Instant now) {
        if (byDue.isEmpty() || byDue.first().due().isAfter(now)) {
            return null;
        }
        Timer timer = byDue.pollFirst();
        byKey.remove(timer.key());
        return timer.key();
    }

    int size() {
        return byKey.size();
    }
}
