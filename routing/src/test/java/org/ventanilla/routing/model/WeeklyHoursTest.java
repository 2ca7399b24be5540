package org.ventanilla.routing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class WeeklyHoursTest {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    /** Weekdays 07:00-12:00 and 14:00-17:00 in Bogotá, Saturday mornings, closed on San José (24 March 2025). */
    private final WeeklyHours hours = WeeklyHours.in(BOGOTA)
            .weekdays("07:00", "12:00")
            .weekdays("14:00", "17:00")
            .open(DayOfWeek.SATURDAY, "08:00", "12:00")
            .closedOn(LocalDate.of(2025, 3, 24))
            .build();

    @Test
    void isOpenWithinTheIntervalsOfTheDayInTheQueuesZone() {
        assertThat(hours.isOpen(Instant.parse("2025-03-04T12:00:00Z"))).as("07:00 Tuesday").isTrue();
        assertThat(hours.isOpen(Instant.parse("2025-03-04T11:59:59Z"))).as("06:59:59 Tuesday").isFalse();
        assertThat(hours.isOpen(Instant.parse("2025-03-04T17:30:00Z"))).as("12:30 lunch").isFalse();
        assertThat(hours.isOpen(Instant.parse("2025-03-04T21:59:59Z"))).as("16:59:59").isTrue();
        assertThat(hours.isOpen(Instant.parse("2025-03-04T22:00:00Z"))).as("17:00 closing").isFalse();
        assertThat(hours.isOpen(Instant.parse("2025-03-08T14:00:00Z"))).as("09:00 Saturday").isTrue();
        assertThat(hours.isOpen(Instant.parse("2025-03-09T14:00:00Z"))).as("Sunday").isFalse();
    }

    @Test
    void isClosedAllDayOnAClosureDay() {
        assertThat(hours.isOpen(Instant.parse("2025-03-24T15:00:00Z"))).isFalse();
        assertThat(hours.isOpen(Instant.parse("2025-03-25T15:00:00Z"))).isTrue();
    }

    @Test
    void midnightAsTheEndMeansTheEndOfTheDay() {
        WeeklyHours evening = WeeklyHours.in(BOGOTA).open(DayOfWeek.FRIDAY, "18:00", "00:00").build();

        assertThat(evening.isOpen(Instant.parse("2025-03-08T04:59:59Z"))).as("23:59:59 Friday").isTrue();
        assertThat(evening.isOpen(Instant.parse("2025-03-08T05:00:00Z"))).as("00:00 Saturday").isFalse();
    }

    @Test
    void anIntervalEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> WeeklyHours.in(BOGOTA).open(DayOfWeek.MONDAY, "17:00", "07:00"))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessage("opening interval end (07:00) must be after its start (17:00)");
    }

    @Test
    void aLambdaIsEnoughForOpeningHours() {
        OpenHours never = at -> false;

        assertThat(never.isOpen(Instant.EPOCH)).isFalse();
        assertThat(OpenHours.ALWAYS.isOpen(Instant.EPOCH)).isTrue();
    }
}
