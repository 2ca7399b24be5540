package org.ventanilla.routing.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * A weekly timetable in one time zone, with closure days (holidays). Each day has zero or more intervals
 * {@code [from, to)}; {@code to} = 00:00 means the end of that day.
 *
 * @param zone       the zone the times are in (America/Bogota)
 * @param week       the open intervals of each day
 * @param closedDays dates on which the queue stays closed all day
 */
public record WeeklyHours(ZoneId zone, Map<DayOfWeek, List<Interval>> week, Set<LocalDate> closedDays) implements OpenHours {

    /**
     * One open interval within a day.
     *
     * @param from opening time
     * @param to   closing time, exclusive; 00:00 means midnight at the end of the day
     */
    public record Interval(LocalTime from, LocalTime to) {

        public Interval {
            if (from == null || to == null) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "opening interval needs a start and an end");
            }
            if (!to.equals(LocalTime.MIDNIGHT) && !to.isAfter(from)) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT,
                        "opening interval end (" + to + ") must be after its start (" + from + ")");
            }
        }

        boolean contains(LocalTime time) {
            return !time.isBefore(from) && (to.equals(LocalTime.MIDNIGHT) || time.isBefore(to));
        }
    }

    public WeeklyHours {
        if (zone == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "time zone of the opening hours is missing");
        }
        EnumMap<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
        if (week != null) {
            week.forEach((day, intervals) -> copy.put(day, List.copyOf(intervals)));
        }
        week = Map.copyOf(copy);
        closedDays = closedDays == null ? Set.of() : Set.copyOf(closedDays);
    }

    /** Starts a timetable in {@code zone}, closed every day until intervals are added. */
    public static Builder in(ZoneId zone) {
        return new Builder(zone);
    }

    @Override
    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (closedDays.contains(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        for (Interval interval : week.getOrDefault(local.getDayOfWeek(), List.of())) {
            if (interval.contains(time)) {
                return true;
            }
        }
        return false;
    }

    /** Builds a {@link WeeklyHours}. */
    public static final class Builder {
        private final ZoneId zone;
        private final Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        private final Set<LocalDate> closed = new HashSet<>();

        private Builder(ZoneId zone) {
            this.zone = zone;
        }

        /** Opens {@code day} from {@code from} to {@code to} ("07:00", "17:00"; "00:00" as end = midnight). */
        public Builder open(DayOfWeek day, String from, String to) {
            week.computeIfAbsent(day, d -> new ArrayList<>()).add(new Interval(LocalTime.parse(from), LocalTime.parse(to)));
            return this;
        }

        /** Opens Monday to Friday from {@code from} to {@code to}. */
        public Builder weekdays(String from, String to) {
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)) {
                open(day, from, to);
            }
            return this;
        }

        /** Keeps the queue closed on {@code days} (holidays, closure days). */
        public Builder closedOn(LocalDate... days) {
            closed.addAll(List.of(days));
            return this;
        }

        public WeeklyHours build() {
            return new WeeklyHours(zone, week, closed);
        }
    }
}
