package org.ventanilla.core.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class ColombianHolidaysTest {

    private static final String REFERENCE = "/reference/calendar/co-holidays-2024-2030.csv";

    private final ColombianHolidays holidays = ColombianHolidays.create();

    @ParameterizedTest(name = "{0} {2} ({3})")
    @CsvFileSource(resources = REFERENCE, numLinesToSkip = 1, encoding = "UTF-8")
    void everyHolidayOfTheReferenceTableShouldBeComputedWithItsNameAndRule(LocalDate date, String weekday, String name,
            String rule) {
        assertThat(shortWeekday(date)).as("weekday column of %s", date).isEqualTo(weekday);
        assertThat(holidays.isHoliday(date)).isTrue();
        assertThat(holidays.holidays(date.getYear()))
                .extracting(h -> h.date() + "|" + h.name() + "|" + h.rule().label())
                .contains(date + "|" + name + "|" + rule);
    }

    @Test
    void referenceTableShouldListExactlyTheComputedHolidaysOfEachYear() throws IOException {
        List<String> lines = readReference();
        assertThat(lines.get(0)).isEqualTo("date,weekday,name,rule");
        List<String> rows = lines.subList(1, lines.size());
        assertThat(rows).hasSize(7 * ColombianHolidays.HOLIDAYS_PER_YEAR);
        for (int year = 2024; year <= 2030; year++) {
            String prefix = year + "-";
            Set<String> expected = rows.stream().filter(r -> r.startsWith(prefix))
                    .map(r -> {
                        String[] cells = r.split(",", -1);
                        return cells[0] + "|" + cells[2] + "|" + cells[3];
                    })
                    .collect(Collectors.toSet());
            Set<String> computed = holidays.holidays(year).stream()
                    .map(h -> h.date() + "|" + h.name() + "|" + h.rule().label())
                    .collect(Collectors.toSet());
            assertThat(computed).as("holidays of %d", year).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({
        "2031, 2031-04-13", "2032, 2032-03-28", "2033, 2033-04-17", "2034, 2034-04-09", "2035, 2035-03-25",
        "2036, 2036-04-13", "2037, 2037-04-05", "2038, 2038-04-25", "2039, 2039-04-10", "2040, 2040-04-01",
        // outside the decade: known dates and the extremes of the Gregorian cycle
        "2000, 2000-04-23", "2019, 2019-04-21", "2024, 2024-03-31", "2025, 2025-04-20", "2285, 2285-03-22",
    })
    void easterSundayShouldMatchTheKnownTable(int year, LocalDate easter) {
        assertThat(ColombianHolidays.easterSunday(year)).isEqualTo(easter);
        assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    }

    @ParameterizedTest(name = "holidays of {0}, Easter {1}")
    @CsvSource({
        "2031, 2031-04-13", "2032, 2032-03-28", "2033, 2033-04-17", "2034, 2034-04-09", "2035, 2035-03-25",
        "2036, 2036-04-13", "2037, 2037-04-05", "2038, 2038-04-25", "2039, 2039-04-10", "2040, 2040-04-01",
    })
    void holidaysOf2031To2040ShouldFollowTheRulesOfLey51(int year, LocalDate easter) {
        List<Holiday> computed = holidays.holidays(year);
        assertThat(computed).hasSize(18);

        List<String> expected = new ArrayList<>();
        expected.add(LocalDate.of(year, 1, 1) + "|Año Nuevo");
        expected.add(nextMondayCountingByHand(LocalDate.of(year, 1, 6)) + "|Reyes Magos");
        expected.add(nextMondayCountingByHand(LocalDate.of(year, 3, 19)) + "|San José");
        expected.add(easter.minusDays(3) + "|Jueves Santo");
        expected.add(easter.minusDays(2) + "|Viernes Santo");
        expected.add(LocalDate.of(year, 5, 1) + "|Día del Trabajo");
        expected.add(easter.plusDays(43) + "|Ascensión del Señor");
        expected.add(easter.plusDays(64) + "|Corpus Christi");
        expected.add(easter.plusDays(71) + "|Sagrado Corazón");
        expected.add(nextMondayCountingByHand(LocalDate.of(year, 6, 29)) + "|San Pedro y San Pablo");
        expected.add(LocalDate.of(year, 7, 20) + "|Independencia");
        expected.add(LocalDate.of(year, 8, 7) + "|Batalla de Boyacá");
        expected.add(nextMondayCountingByHand(LocalDate.of(year, 8, 15)) + "|Asunción de la Virgen");
        expected.add(nextMondayCountingByHand(LocalDate.of(year, 10, 12)) + "|Día de la Raza");
        expected.add(nextMondayCountingByHand(LocalDate.of(year, 11, 1)) + "|Todos los Santos");
        expected.add(nextMondayCountingByHand(LocalDate.of(year, 11, 11)) + "|Independencia de Cartagena");
        expected.add(LocalDate.of(year, 12, 8) + "|Inmaculada Concepción");
        expected.add(LocalDate.of(year, 12, 25) + "|Navidad");

        assertThat(computed).extracting(h -> h.date() + "|" + h.name()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(computed).extracting(Holiday::date).isSorted();
        assertThat(holidayOn(computed, "Jueves Santo").getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(holidayOn(computed, "Viernes Santo").getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        for (Holiday holiday : computed) {
            if (holiday.rule() != HolidayRule.FIXED) {
                assertThat(holiday.date().getDayOfWeek()).as(holiday.name()).isEqualTo(DayOfWeek.MONDAY);
            }
            assertThat(holidays.isHoliday(holiday.date())).isTrue();
        }
    }

    @Test
    void movedHolidaysShouldSayWhetherTheyMovedOrAlreadyFellOnAMonday() {
        // 2033: 6 January is a Thursday, moved to Monday the 10th.
        assertThat(find(2033, "Reyes Magos")).isEqualTo(new Holiday(LocalDate.of(2033, 1, 10), "Reyes Magos",
                HolidayRule.MOVED_TO_MONDAY));
        // 2031: 6 January is a Monday and stays; 2036: it is a Sunday, moved to the 7th.
        assertThat(find(2031, "Reyes Magos")).isEqualTo(new Holiday(LocalDate.of(2031, 1, 6), "Reyes Magos",
                HolidayRule.ON_A_MONDAY));
        assertThat(find(2036, "Reyes Magos").date()).isEqualTo(LocalDate.of(2036, 1, 7));
    }

    @Test
    void twoHolidaysOnOneDateShouldBothBeListed() {
        assertThat(holidays.holidays(2025)).filteredOn(h -> h.date().equals(LocalDate.of(2025, 6, 30)))
                .extracting(Holiday::name)
                .containsExactlyInAnyOrder("Sagrado Corazón", "San Pedro y San Pablo");
        Set<LocalDate> distinct = new HashSet<>();
        holidays.holidays(2025).forEach(h -> distinct.add(h.date()));
        assertThat(distinct).hasSize(17);
    }

    @Test
    void ordinaryDaysShouldNotBeHolidays() {
        assertThat(holidays.isHoliday(LocalDate.of(2026, 12, 24))).isFalse();
        assertThat(holidays.isHoliday(LocalDate.of(2026, 12, 31))).isFalse();
        // 6 January 2026 is a Tuesday: the holiday is on Monday the 12th, not on the 6th.
        assertThat(holidays.isHoliday(LocalDate.of(2026, 1, 6))).isFalse();
        assertThat(holidays.isHoliday(LocalDate.of(2026, 1, 12))).isTrue();
    }

    @Test
    void everyYearFromTheLawToFarAheadShouldHaveEighteenHolidays() {
        for (int year = ColombianHolidays.FIRST_YEAR; year <= 2200; year++) {
            int expectedYear = year;
            assertThat(holidays.holidays(year)).as("year %d", year).hasSize(ColombianHolidays.HOLIDAYS_PER_YEAR)
                    .allSatisfy(h -> assertThat(h.date().getYear()).isEqualTo(expectedYear));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1983, 1900, 10_000})
    void yearsOutsideTheLawShouldBeRefused(int year) {
        assertThatThrownBy(() -> holidays.holidays(year))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining(String.valueOf(year))
                .hasMessageContaining("1984");
    }

    private Holiday find(int year, String name) {
        return holidays.holidays(year).stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    private static LocalDate holidayOn(List<Holiday> list, String name) {
        return list.stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow().date();
    }

    /** The Emiliani rule written differently from the code under test: walk forward to a Monday. */
    private static LocalDate nextMondayCountingByHand(LocalDate date) {
        LocalDate day = date;
        while (day.getDayOfWeek() != DayOfWeek.MONDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static String shortWeekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    private static List<String> readReference() throws IOException {
        try (InputStream in = ColombianHolidaysTest.class.getResourceAsStream(REFERENCE)) {
            assertThat(in).as(REFERENCE + " on the test classpath").isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
