package org.ventanilla.core.domain.catalog;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Weekly opening hours of a queue: for each day of the week, the intervals (local time in the entity's
 * zone) when it is open. A day without intervals is closed. Holidays and the entity's closure days are not
 * here: they come from the business calendar and are checked by the caller.
 *
 * @param zone      the entity's time zone (America/Bogota by default); times are read in this zone
 * @param intervals open intervals per day, sorted and not overlapping; missing days are closed
 */
public record OpeningHours(ZoneId zone, Map<DayOfWeek, List<Interval>> intervals) {

    public OpeningHours {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(intervals, "intervals");
        EnumMap<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<DayOfWeek, List<Interval>> day : intervals.entrySet()) {
            Objects.requireNonNull(day.getKey(), "day of week");
            List<Interval> sorted = new ArrayList<>(Objects.requireNonNull(day.getValue(), "intervals of " + day.getKey()));
            sorted.sort(Comparator.comparing(Interval::start));
            for (int i = 1; i < sorted.size(); i++) {
                Interval previous = sorted.get(i - 1);
                Interval next = sorted.get(i);
                if (next.start().isBefore(previous.end()) || previous.endsAtMidnight()) {
                    throw Checks.invalid("opening intervals " + previous + " and " + next + " on " + day.getKey() + " overlap");
                }
            }
            if (!sorted.isEmpty()) {
                copy.put(day.getKey(), List.copyOf(sorted));
            }
        }
        intervals = Collections.unmodifiableMap(copy);
    }

    /** Open every day, all day. */
    public static OpeningHours alwaysOpen(ZoneId zone) {
        Map<DayOfWeek, List<Interval>> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.put(day, List.of(new Interval(LocalTime.MIDNIGHT, LocalTime.MAX)));
        }
        return new OpeningHours(zone, all);
    }

    /** Whether the queue is open at that instant (converted to the entity's zone). */
    public boolean isOpen(ZonedDateTime when) {
        ZonedDateTime local = when.withZoneSameInstant(zone);
        LocalTime time = local.toLocalTime();
        for (Interval interval : intervals.getOrDefault(local.getDayOfWeek(), List.of())) {
            if (interval.contains(time)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next instant at or after {@code from} when the queue is open (the instant itself when open now),
     * or empty when it never opens. The IVR uses it to say when to call back.
     */
    public Optional<ZonedDateTime> nextOpening(ZonedDateTime from) {
        if (isOpen(from)) {
            return Optional.of(from);
        }
        ZonedDateTime local = from.withZoneSameInstant(zone);
        for (int offset = 0; offset <= 7; offset++) {
            ZonedDateTime day = local.plusDays(offset);
            for (Interval interval : intervals.getOrDefault(day.getDayOfWeek(), List.of())) {
                ZonedDateTime start = day.with(interval.start());
                if (start.isAfter(local)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A half-open interval [start, end) of local time; an end of {@link LocalTime#MAX} (written "24:00")
     * means until midnight.
     */
    public record Interval(LocalTime start, LocalTime end) {

        public Interval {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw Checks.invalid("opening interval must start (" + start + ") before it ends (" + end + ")");
            }
        }

        /** Parses "07:00-19:00"; "24:00" as the end means midnight. */
        public static Interval parse(String text) {
            Objects.requireNonNull(text, "interval");
            String[] parts = text.strip().split("-");
            if (parts.length != 2) {
                throw Checks.invalid("opening interval '" + text + "' is not written like 07:00-19:00");
            }
            try {
                LocalTime start = LocalTime.parse(parts[0].strip());
                String endText = parts[1].strip();
                LocalTime end = "24:00".equals(endText) ? LocalTime.MAX : LocalTime.parse(endText);
                return new Interval(start, end);
            } catch (DateTimeParseException e) {
                throw Checks.invalid("opening interval '" + text + "' is not written like 07:00-19:00");
            }
        }

        boolean endsAtMidnight() {
            return end.equals(LocalTime.MAX);
        }

        /** Whether the local time falls in this interval. */
        public boolean contains(LocalTime time) {
            return !time.isBefore(start) && (time.isBefore(end) || endsAtMidnight());
        }

        @Override
        public String toString() {
            return start + "-" + (endsAtMidnight() ? "24:00" : end.toString());
        }
    }
}
