package org.ventanilla.core.domain.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Which days an entity works: every day but Saturdays, Sundays, national holidays and the entity's own closure
 * days (a local decree, an inventory day), in the entity's time zone (America/Bogota by default). "Today" comes
 * from the injected {@link Clock}. Immutable and thread-safe.
 */
public final class BusinessCalendar {

    /** The default time zone of an entity. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Bogota");
    /** The most business days one call may add (about forty years), to bound the work of a bad input. */
    public static final int MAX_BUSINESS_DAYS = 10_000;

    private final NationalHolidays holidays;
    private final ZoneId zone;
    private final Set<LocalDate> closureDays;
    private final Clock clock;

    /**
     * @param holidays the national holidays
     * @param zone the entity's time zone, which decides the date of an instant
     * @param closureDays days the entity is closed besides weekends and holidays
     * @param clock where "now" comes from
     */
    public BusinessCalendar(NationalHolidays holidays, ZoneId zone, Collection<LocalDate> closureDays, Clock clock) {
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.closureDays = Set.copyOf(Objects.requireNonNull(closureDays, "closureDays"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Colombian holidays, America/Bogota, no closure days. */
    public static BusinessCalendar colombia(Clock clock) {
        return new BusinessCalendar(ColombianHolidays.create(), DEFAULT_ZONE, Set.of(), clock);
    }

    /** A copy with these closure days (replacing the current ones). */
    public BusinessCalendar withClosureDays(Collection<LocalDate> days) {
        return new BusinessCalendar(holidays, zone, days, clock);
    }

    /** A copy in another time zone. */
    public BusinessCalendar withZone(ZoneId otherZone) {
        return new BusinessCalendar(holidays, otherZone, closureDays, clock);
    }

    public ZoneId zone() {
        return zone;
    }

    public Clock clock() {
        return clock;
    }

    public Set<LocalDate> closureDays() {
        return closureDays;
    }

    public NationalHolidays holidays() {
        return holidays;
    }

    /** Whether the entity works on {@code date}. */
    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !closureDays.contains(date) && !holidays.isHoliday(date);
    }

    /** Today's date in the entity's zone, by the clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The receipt date of something received at {@code instant}: its date in the entity's zone. */
    public LocalDate receiptDate(Instant instant) {
        return LocalDate.ofInstant(Objects.requireNonNull(instant, "instant"), zone);
    }

    /**
     * The {@code days}-th business day after {@code from}, counting from the next day ({@code from} itself never
     * counts, business day or not); {@code from} itself when {@code days} is 0.
     *
     * @throws VentanillaException INVALID_INPUT when {@code days} is negative or above {@link #MAX_BUSINESS_DAYS}
     */
    public LocalDate addBusinessDays(LocalDate from, int days) {
        Objects.requireNonNull(from, "from");
        if (days < 0 || days > MAX_BUSINESS_DAYS) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "business days (" + days + ") must be between 0 and " + MAX_BUSINESS_DAYS);
        }
        LocalDate date = from;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isBusinessDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /**
     * The business days after {@code from} up to and including {@code to}: how many a term has consumed, or,
     * from today to a due date, how many are left. Negative when {@code to} is before {@code from}.
     */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return -businessDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isBusinessDay(date)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return "BusinessCalendar[zone=" + zone + ", closureDays=" + closureDays.size() + "]";
    }
}
