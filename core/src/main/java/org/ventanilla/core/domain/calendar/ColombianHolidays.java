package org.ventanilla.core.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Colombia's national holidays, computed for any year from the rules of Ley 51 de 1983 (never a typed list):
 * <ul>
 *   <li>kept on their date: 1 January, 1 May, 20 July, 7 August, 8 December, 25 December;</li>
 *   <li>moved to the following Monday when they do not fall on one ("Ley Emiliani"): 6 January, 19 March,
 *       29 June, 15 August, 12 October, 1 November, 11 November;</li>
 *   <li>from Easter Sunday (anonymous Gregorian algorithm): Holy Thursday and Good Friday, not moved; Ascension
 *       (Thursday, Easter + 39), Corpus Christi (Thursday, Easter + 60) and Sacred Heart (Friday, Easter + 68),
 *       each moved to the following Monday (Easter + 43, + 64 and + 71).</li>
 * </ul>
 * That is 18 holidays every year; two may share a date. Years from {@value #FIRST_YEAR} (the first under the
 * law) to {@value #LAST_YEAR} are supported. Immutable, thread-safe; each year is computed once.
 */
public final class ColombianHolidays implements NationalHolidays {

    /** The first year Ley 51 de 1983 governed. */
    public static final int FIRST_YEAR = 1984;
    /** The last year supported ({@link LocalDate}'s four-digit years). */
    public static final int LAST_YEAR = 9999;
    /** How many holidays every year has. */
    public static final int HOLIDAYS_PER_YEAR = 18;

    private static final ColombianHolidays INSTANCE = new ColombianHolidays();

    private final Map<Integer, Year> years = new ConcurrentHashMap<>();

    private ColombianHolidays() {
    }

    /** The (stateless but caching) calendar of Colombian holidays. */
    public static ColombianHolidays create() {
        return INSTANCE;
    }

    @Override
    public List<Holiday> holidays(int year) {
        return year(year).holidays();
    }

    @Override
    public boolean isHoliday(LocalDate date) {
        return year(date.getYear()).dates().contains(date);
    }

    /**
     * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
     */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private Year year(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "year " + year + " is outside the years Colombian holidays are "
                    + "computed for (" + FIRST_YEAR + " to " + LAST_YEAR + ", Ley 51 de 1983)");
        }
        return years.computeIfAbsent(year, ColombianHolidays::compute);
    }

    private static Year compute(int year) {
        LocalDate easter = easterSunday(year);
        List<Holiday> list = new ArrayList<>(HOLIDAYS_PER_YEAR);
        list.add(fixed(year, 1, 1, "Año Nuevo"));
        list.add(movable(LocalDate.of(year, 1, 6), "Reyes Magos"));
        list.add(movable(LocalDate.of(year, 3, 19), "San José"));
        list.add(new Holiday(easter.minusDays(3), "Jueves Santo", HolidayRule.FIXED));
        list.add(new Holiday(easter.minusDays(2), "Viernes Santo", HolidayRule.FIXED));
        list.add(fixed(year, 5, 1, "Día del Trabajo"));
        list.add(movable(easter.plusDays(39), "Ascensión del Señor"));
        list.add(movable(easter.plusDays(60), "Corpus Christi"));
        list.add(movable(easter.plusDays(68), "Sagrado Corazón"));
        list.add(movable(LocalDate.of(year, 6, 29), "San Pedro y San Pablo"));
        list.add(fixed(year, 7, 20, "Independencia"));
        list.add(fixed(year, 8, 7, "Batalla de Boyacá"));
        list.add(movable(LocalDate.of(year, 8, 15), "Asunción de la Virgen"));
        list.add(movable(LocalDate.of(year, 10, 12), "Día de la Raza"));
        list.add(movable(LocalDate.of(year, 11, 1), "Todos los Santos"));
        list.add(movable(LocalDate.of(year, 11, 11), "Independencia de Cartagena"));
        list.add(fixed(year, 12, 8, "Inmaculada Concepción"));
        list.add(fixed(year, 12, 25, "Navidad"));
        list.sort(Comparator.comparing(Holiday::date));
        Set<LocalDate> dates = new HashSet<>();
        for (Holiday holiday : list) {
            dates.add(holiday.date());
        }
        return new Year(List.copyOf(list), Set.copyOf(dates));
    }

    private static Holiday fixed(int year, int month, int day, String name) {
        return new Holiday(MonthDay.of(month, day).atYear(year), name, HolidayRule.FIXED);
    }

    private static Holiday movable(LocalDate feast, String name) {
        if (feast.getDayOfWeek() == DayOfWeek.MONDAY) {
            return new Holiday(feast, name, HolidayRule.ON_A_MONDAY);
        }
        return new Holiday(feast.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), name, HolidayRule.MOVED_TO_MONDAY);
    }

    private record Year(List<Holiday> holidays, Set<LocalDate> dates) {
    }
}
