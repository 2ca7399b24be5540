package org.ventanilla.core.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class DeadlinesTest {

    private static final String REFERENCE = "/reference/calendar/ley1755-deadline-examples.csv";
    /** A petition received on Friday 2026-03-20; the extension tests decide on 2026-04-01. */
    private static final Instant RECEIVED = Instant.parse("2026-03-20T14:30:00Z");

    private final BusinessCalendar calendar = BusinessCalendar.colombia(Clock.fixed(Instant.parse("2026-04-01T15:00:00Z"),
            ZoneOffset.UTC));
    private final Deadlines deadlines = new Deadlines(calendar);

    @ParameterizedTest(name = "received {0}, {2} business days, due {3}")
    @CsvFileSource(resources = REFERENCE, numLinesToSkip = 1, encoding = "UTF-8")
    void everyWorkedExampleOfLey1755ShouldGiveItsDueDate(LocalDate received, String receivedWeekday, int businessDays,
            LocalDate due, String dueWeekday) {
        assertThat(shortWeekday(received)).isEqualTo(receivedWeekday);
        assertThat(shortWeekday(due)).isEqualTo(dueWeekday);
        LegalTerm term = termOf(businessDays);

        assertThat(calendar.addBusinessDays(received, businessDays)).isEqualTo(due);
        assertThat(deadlines.dueDate(received, term)).isEqualTo(due);
        for (LocalTime time : List.of(LocalTime.MIDNIGHT, LocalTime.NOON, LocalTime.of(23, 59, 59))) {
            Instant instant = received.atTime(time).atZone(BusinessCalendar.DEFAULT_ZONE).toInstant();
            assertThat(deadlines.dueDate(instant, term)).as("received at %s Bogotá", time).isEqualTo(due);
        }
    }

    @Test
    void referenceExamplesShouldHaveTheExpectedColumnsAndRows() throws IOException {
        try (InputStream in = DeadlinesTest.class.getResourceAsStream(REFERENCE)) {
            assertThat(in).isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines.get(0)).isEqualTo("received,received_weekday,business_days,due,due_weekday");
            assertThat(lines).hasSize(31);
        }
    }

    @Test
    void receiptsJustBeforeAndAfterMidnightInBogotaShouldHaveDifferentDueDates() {
        Instant thursdayNight = Instant.parse("2026-12-04T04:59:59Z");
        Instant fridayMorning = Instant.parse("2026-12-04T05:00:00Z");

        assertThat(calendar.receiptDate(thursdayNight)).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(calendar.receiptDate(fridayMorning)).isEqualTo(LocalDate.of(2026, 12, 4));
        // Counting skips 8 December (Inmaculada Concepción) and 25 December (Navidad).
        assertThat(deadlines.dueDate(thursdayNight, LegalTerm.PETITION)).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(deadlines.dueDate(fridayMorning, LegalTerm.PETITION)).isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(deadlines.dueDate(thursdayNight, LegalTerm.INFORMATION_REQUEST)).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(deadlines.dueDate(fridayMorning, LegalTerm.INFORMATION_REQUEST)).isEqualTo(LocalDate.of(2026, 12, 21));
    }

    @Test
    void legalTermsShouldHaveTheDaysTheLawSets() {
        assertThat(LegalTerm.PETITION.businessDays()).isEqualTo(15);
        assertThat(LegalTerm.INFORMATION_REQUEST.businessDays()).isEqualTo(10);
        assertThat(LegalTerm.CONSULTATION.businessDays()).isEqualTo(30);
        assertThat(LegalTerm.DATA_QUERY.businessDays()).isEqualTo(10);
        assertThat(LegalTerm.DATA_CLAIM.businessDays()).isEqualTo(15);
        assertThat(LegalTerm.DATA_QUERY.maxTotalBusinessDays()).isEqualTo(15);
        assertThat(LegalTerm.DATA_CLAIM.maxTotalBusinessDays()).isEqualTo(23);
    }

    @ParameterizedTest
    @EnumSource(value = LegalTerm.class, names = {"PETITION", "INFORMATION_REQUEST", "CONSULTATION"})
    void ley1755TermsShouldExtendToAtMostTwiceTheOriginalTerm(LegalTerm term) {
        LocalDate twice = calendar.addBusinessDays(LocalDate.of(2026, 3, 20), 2 * term.businessDays());
        assertThat(deadlines.latestExtendedDueDate(RECEIVED, term)).isEqualTo(twice);
    }

    @Test
    void anExtensionWithAReasonShouldBeAcceptedUpToTheLatestAllowedDate() {
        // Received Friday 2026-03-20: due 2026-04-15 (15 days); 30 days give 2026-05-07 (reference table).
        Extension extension = deadlines.extend(RECEIVED, LegalTerm.PETITION, LocalDate.of(2026, 5, 7),
                "Se requiere concepto técnico de la Secretaría de Movilidad");

        assertThat(extension.originalDueDate()).isEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(extension.newDueDate()).isEqualTo(LocalDate.of(2026, 5, 7));
        assertThat(extension.latestAllowedDueDate()).isEqualTo(LocalDate.of(2026, 5, 7));
        assertThat(extension.decidedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(extension.reason()).isEqualTo("Se requiere concepto técnico de la Secretaría de Movilidad");
    }

    @Test
    void anExtensionBeyondTwiceTheTermShouldBeRefused() {
        assertInvalid(() -> deadlines.extend(RECEIVED, LegalTerm.PETITION, LocalDate.of(2026, 5, 8), "Falta información"),
                "2026-05-08", "latest allowed", "2026-05-07");
    }

    @Test
    void aPersonalDataQueryShouldExtendByAtMostFiveBusinessDays() {
        // DATA_QUERY: due 2026-04-08 (10 days), at most 15 days: 2026-04-15, although twice the term would be later.
        assertThat(deadlines.dueDate(RECEIVED, LegalTerm.DATA_QUERY)).isEqualTo(LocalDate.of(2026, 4, 8));
        assertThat(deadlines.extend(RECEIVED, LegalTerm.DATA_QUERY, LocalDate.of(2026, 4, 15), "Consulta en archivo central")
                .newDueDate()).isEqualTo(LocalDate.of(2026, 4, 15));
        assertInvalid(() -> deadlines.extend(RECEIVED, LegalTerm.DATA_QUERY, LocalDate.of(2026, 4, 16), "Consulta en archivo"),
                "Ley 1581");
    }

    @Test
    void anExtensionWithoutAReasonShouldBeRefused() {
        assertInvalid(() -> deadlines.extend(RECEIVED, LegalTerm.PETITION, LocalDate.of(2026, 4, 30), "   "), "reason");
        assertInvalid(() -> deadlines.extend(RECEIVED, LegalTerm.PETITION, LocalDate.of(2026, 4, 30), null), "reason");
    }

    @Test
    void anExtensionShouldMoveTheDueDateLaterToABusinessDay() {
        assertInvalid(() -> deadlines.extend(RECEIVED, LegalTerm.PETITION, LocalDate.of(2026, 4, 15), "Motivo"),
                "must be after the original due date");
        assertInvalid(() -> deadlines.extend(RECEIVED, LegalTerm.PETITION, LocalDate.of(2026, 5, 1), "Motivo"),
                "not a business day");
    }

    @Test
    void anExtensionAfterTheOriginalTermHasEndedShouldBeRefused() {
        Deadlines late = new Deadlines(BusinessCalendar.colombia(Clock.fixed(Instant.parse("2026-04-16T15:00:00Z"), ZoneOffset.UTC)));
        assertInvalid(() -> late.extend(RECEIVED, LegalTerm.PETITION, LocalDate.of(2026, 4, 30), "Motivo"),
                "decided by the original due date");
    }

    @Test
    void businessDaysLeftShouldCountFromTodayByTheClock() {
        // Today is Wednesday 2026-04-01; 2 and 3 April are Holy Thursday and Good Friday.
        assertThat(deadlines.businessDaysLeft(LocalDate.of(2026, 4, 8))).isEqualTo(3);
        assertThat(deadlines.businessDaysLeft(LocalDate.of(2026, 4, 1))).isZero();
        assertThat(deadlines.businessDaysLeft(LocalDate.of(2026, 3, 31))).isEqualTo(-1);
    }

    private static void assertInvalid(ThrowingCallable call, String... fragments) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(VentanillaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains(fragments);
                });
    }

    private static LegalTerm termOf(int businessDays) {
        switch (businessDays) {
            case 10:
                return LegalTerm.INFORMATION_REQUEST;
            case 15:
                return LegalTerm.PETITION;
            case 30:
                return LegalTerm.CONSULTATION;
            default:
                throw new IllegalArgumentException("no Ley 1755 term of " + businessDays + " business days");
        }
    }

    private static String shortWeekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
