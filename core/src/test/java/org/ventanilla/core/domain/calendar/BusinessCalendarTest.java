package org.ventanilla.core.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class BusinessCalendarTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T04:59:59Z"), ZoneOffset.UTC);

    private final BusinessCalendar calendar = BusinessCalendar.colombia(CLOCK);

    @Test
    void weekendsHolidaysAndClosureDaysShouldNotBeBusinessDays() {
        BusinessCalendar closedOnChristmasEve = calendar.withClosureDays(List.of(LocalDate.of(2026, 12, 24)));

        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 7))).as("Monday").isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 8))).as("Inmaculada Concepción, Tuesday").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 5))).as("Saturday").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 6))).as("Sunday").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 24))).as("Christmas Eve, Thursday").isTrue();
        assertThat(closedOnChristmasEve.isBusinessDay(LocalDate.of(2026, 12, 24))).as("closure day").isFalse();
        assertThat(closedOnChristmasEve.closureDays()).containsExactly(LocalDate.of(2026, 12, 24));
    }

    @Test
    void todayAndReceiptDateShouldBeDatesInBogotaNotInUtc() {
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("America/Bogota"));
        assertThat(calendar.today()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(calendar.receiptDate(Instant.parse("2026-12-04T04:59:59Z"))).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(calendar.receiptDate(Instant.parse("2026-12-04T05:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(calendar.withZone(ZoneId.of("America/Santiago")).receiptDate(Instant.parse("2026-12-04T04:59:59Z")))
                .isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void addingBusinessDaysShouldStartCountingTheNextDay() {
        // Friday 2026-08-07 (Batalla de Boyacá, itself a holiday): Mon 10 is the first, Mon 17 (Asunción) is skipped.
        assertThat(calendar.addBusinessDays(LocalDate.of(2026, 8, 7), 1)).isEqualTo(LocalDate.of(2026, 8, 10));
        assertThat(calendar.addBusinessDays(LocalDate.of(2026, 8, 7), 5)).isEqualTo(LocalDate.of(2026, 8, 14));
        assertThat(calendar.addBusinessDays(LocalDate.of(2026, 8, 7), 6)).isEqualTo(LocalDate.of(2026, 8, 18));
        assertThat(calendar.addBusinessDays(LocalDate.of(2026, 8, 7), 0)).isEqualTo(LocalDate.of(2026, 8, 7));
    }

    @Test
    void closureDaysShouldPushTheCountForward() {
        LocalDate received = LocalDate.of(2026, 3, 31);
        assertThat(calendar.addBusinessDays(received, 10)).isEqualTo(LocalDate.of(2026, 4, 16));
        assertThat(calendar.withClosureDays(List.of(LocalDate.of(2026, 4, 10))).addBusinessDays(received, 10))
                .isEqualTo(LocalDate.of(2026, 4, 17));
    }

    @Test
    void businessDaysBetweenShouldCountTheDaysAfterTheStartUpToTheEnd() {
        LocalDate received = LocalDate.of(2026, 3, 20);
        LocalDate due = calendar.addBusinessDays(received, 15);
        assertThat(calendar.businessDaysBetween(received, due)).isEqualTo(15);
        assertThat(calendar.businessDaysBetween(due, received)).isEqualTo(-15);
        assertThat(calendar.businessDaysBetween(due, due)).isZero();
    }

    @Test
    void negativeOrHugeDayCountsShouldBeRefused() {
        assertThatThrownBy(() -> calendar.addBusinessDays(LocalDate.of(2026, 1, 2), -1))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("(-1)");
        assertThatThrownBy(() -> calendar.addBusinessDays(LocalDate.of(2026, 1, 2), BusinessCalendar.MAX_BUSINESS_DAYS + 1))
                .isInstanceOf(VentanillaException.class)
                .hasMessageContaining(String.valueOf(BusinessCalendar.MAX_BUSINESS_DAYS));
    }
}
