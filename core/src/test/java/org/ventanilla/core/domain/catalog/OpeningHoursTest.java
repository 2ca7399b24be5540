package org.ventanilla.core.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class OpeningHoursTest {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    /** Weekdays 08:00-12:00 and 14:00-17:00, Saturday 08:00-12:00. */
    private final OpeningHours hours = new OpeningHours(BOGOTA, Map.of(
            DayOfWeek.MONDAY, List.of(OpeningHours.Interval.parse("14:00-17:00"), OpeningHours.Interval.parse("08:00-12:00")),
            DayOfWeek.TUESDAY, List.of(OpeningHours.Interval.parse("08:00-12:00"), OpeningHours.Interval.parse("14:00-17:00")),
            DayOfWeek.SATURDAY, List.of(OpeningHours.Interval.parse("08:00-12:00"))));

    private static ZonedDateTime bogota(String localDateTime) {
        return ZonedDateTime.parse(localDateTime + "-05:00[America/Bogota]");
    }

    @Test
    void shouldBeOpenInsideAnIntervalAndClosedAtItsEnd() {
        // Monday 2025-03-03
        assertThat(hours.isOpen(bogota("2025-03-03T08:00:00"))).isTrue();
        assertThat(hours.isOpen(bogota("2025-03-03T11:59:59"))).isTrue();
        assertThat(hours.isOpen(bogota("2025-03-03T12:00:00"))).isFalse();
        assertThat(hours.isOpen(bogota("2025-03-03T13:30:00"))).isFalse();
        assertThat(hours.isOpen(bogota("2025-03-03T16:45:00"))).isTrue();
        assertThat(hours.isOpen(bogota("2025-03-03T07:59:00"))).isFalse();
    }

    @Test
    void aDayWithoutIntervalsShouldBeClosed() {
        assertThat(hours.isOpen(bogota("2025-03-09T10:00:00"))).as("Sunday").isFalse();
        assertThat(hours.isOpen(bogota("2025-03-08T10:00:00"))).as("Saturday").isTrue();
    }

    @Test
    void anInstantInAnotherZoneShouldBeReadInTheEntityZone() {
        // 13:30 UTC on Monday is 08:30 in Bogotá; 22:00 UTC Saturday is 17:00 in Bogotá.
        assertThat(hours.isOpen(ZonedDateTime.parse("2025-03-03T13:30:00Z"))).isTrue();
        assertThat(hours.isOpen(ZonedDateTime.parse("2025-03-08T22:00:00Z"))).isFalse();
        assertThat(hours.isOpen(ZonedDateTime.parse("2025-03-04T04:00:00+09:00[Asia/Tokyo]"))).as("Monday 14:00 in Bogotá").isTrue();
    }

    @Test
    void nextOpeningShouldSkipToTheNextIntervalOrDay() {
        assertThat(hours.nextOpening(bogota("2025-03-03T12:30:00"))).contains(bogota("2025-03-03T14:00:00"));
        assertThat(hours.nextOpening(bogota("2025-03-04T18:00:00"))).as("Tuesday evening to Saturday")
                .contains(bogota("2025-03-08T08:00:00"));
        assertThat(hours.nextOpening(bogota("2025-03-03T09:00:00"))).contains(bogota("2025-03-03T09:00:00"));
        assertThat(new OpeningHours(BOGOTA, Map.of()).nextOpening(bogota("2025-03-03T09:00:00"))).isEmpty();
    }

    @Test
    void alwaysOpenShouldIncludeTheLastMinuteBeforeMidnight() {
        OpeningHours always = OpeningHours.alwaysOpen(BOGOTA);

        assertThat(always.isOpen(bogota("2025-12-25T23:59:59"))).isTrue();
        assertThat(always.isOpen(bogota("2025-12-25T00:00:00"))).isTrue();
    }

    @Test
    void twentyFourHundredShouldMeanMidnight() {
        assertThat(OpeningHours.Interval.parse("18:00-24:00").contains(LocalTime.of(23, 59, 59))).isTrue();
        assertThat(OpeningHours.Interval.parse("18:00-24:00").toString()).isEqualTo("18:00-24:00");
    }

    @Test
    void overlappingIntervalsShouldBeRefused() {
        assertThatThrownBy(() -> new OpeningHours(BOGOTA, Map.of(DayOfWeek.FRIDAY,
                List.of(OpeningHours.Interval.parse("08:00-12:00"), OpeningHours.Interval.parse("11:00-15:00")))))
                .isInstanceOf(VentanillaException.class)
                .hasMessageContaining("08:00-12:00").hasMessageContaining("11:00-15:00").hasMessageContaining("FRIDAY");
    }

    @Test
    void badlyWrittenOrBackwardIntervalsShouldBeRefused() {
        assertThatThrownBy(() -> OpeningHours.Interval.parse("8 a 12"))
                .isInstanceOf(VentanillaException.class)
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("'8 a 12'");
        assertThatThrownBy(() -> OpeningHours.Interval.parse("17:00-08:00")).hasMessageContaining("17:00");
    }
}
