package org.ventanilla.core.domain.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class SurvivorshipTest {

    private static final String REGISTRADURIA = "registraduria";
    private static final String SALUD = "secretaria-salud";

    private final Survivorship rules = Survivorship.trusting(REGISTRADURIA, SALUD);

    private final SourceRecord registraduria = new SourceRecord(REGISTRADURIA, Instant.parse("2024-03-01T15:00:00Z"), Map.of(
            CitizenFields.FIRST_NAMES, "María José",
            CitizenFields.FIRST_SURNAME, "Gómez",
            CitizenFields.SECOND_SURNAME, "Pérez",
            CitizenFields.BIRTH_DATE, "1985-07-14",
            CitizenFields.ADDRESS, "Calle 26 # 13-19, Bogotá"));
    private final SourceRecord salud = new SourceRecord(SALUD, Instant.parse("2025-06-10T20:00:00Z"), Map.of(
            CitizenFields.FIRST_NAMES, "MARIA JOSE",
            CitizenFields.FIRST_SURNAME, "GOMEZ",
            CitizenFields.SECOND_SURNAME, "Peña",
            CitizenFields.ADDRESS, "Carrera 7 # 32-16 Apto 501, Bogotá",
            CitizenFields.SEX, "F"));
    private final SourceRecord chat = new SourceRecord("chat", Instant.parse("2026-01-15T13:00:00Z"), Map.of(
            CitizenFields.ADDRESS, "Calle 80 # 45-10",
            CitizenFields.SECOND_SURNAME, "Pineda"));

    @Test
    void twoAgenciesDisagreeingOnSecondSurnameAndAddressShouldRaiseDiscrepancyAlerts() {
        GoldenRecord golden = rules.apply(List.of(registraduria, salud, chat));

        assertThat(golden.discrepancies()).extracting(Discrepancy::field)
                .containsExactly(CitizenFields.ADDRESS, CitizenFields.SECOND_SURNAME);
        assertThat(golden.hasDiscrepancies()).isTrue();
        Discrepancy surname = golden.discrepancy(CitizenFields.SECOND_SURNAME).orElseThrow();
        assertThat(surname.sources()).containsExactly(REGISTRADURIA, SALUD);
        assertThat(surname.values()).extracting(FieldValue::value).containsExactly("Pérez", "Peña");
        assertThat(golden.discrepancy(CitizenFields.ADDRESS).orElseThrow().values()).extracting(FieldValue::value)
                .containsExactly("Calle 26 # 13-19, Bogotá", "Carrera 7 # 32-16 Apto 501, Bogotá");
    }

    @Test
    void theMostTrustedSourceShouldWinOverAMoreRecentOne() {
        GoldenRecord golden = rules.apply(List.of(registraduria, salud, chat));

        assertThat(golden.value(CitizenFields.SECOND_SURNAME)).contains("Pérez");
        assertThat(golden.value(CitizenFields.ADDRESS)).contains("Calle 26 # 13-19, Bogotá");
        assertThat(golden.field(CitizenFields.ADDRESS).orElseThrow().source()).isEqualTo(REGISTRADURIA);
        assertThat(golden.value(CitizenFields.SEX)).as("only one source has it").contains("F");
        assertThat(golden.field(CitizenFields.SEX).orElseThrow().source()).isEqualTo(SALUD);
        assertThat(golden.value("nickname")).isEmpty();
    }

    @Test
    void valuesDifferingOnlyInCaseAccentsOrSpacingShouldNotBeDiscrepancies() {
        GoldenRecord golden = rules.apply(List.of(registraduria, salud));

        assertThat(golden.discrepancy(CitizenFields.FIRST_NAMES)).isEmpty();
        assertThat(golden.discrepancy(CitizenFields.FIRST_SURNAME)).isEmpty();
        assertThat(golden.value(CitizenFields.FIRST_NAMES)).contains("María José");
    }

    @Test
    void anUntrustedSourceShouldNeitherWinOverATrustedOneNorRaiseAnAlert() {
        GoldenRecord golden = rules.apply(List.of(registraduria, chat));

        assertThat(golden.discrepancies()).isEmpty();
        assertThat(golden.value(CitizenFields.ADDRESS)).contains("Calle 26 # 13-19, Bogotá");
    }

    @Test
    void aFieldRankingShouldPreferItsOwnSourceButStillReportTheDisagreement() {
        Survivorship addressFromHealth = rules.withFieldRanking(CitizenFields.ADDRESS, List.of(SALUD, REGISTRADURIA));

        GoldenRecord golden = addressFromHealth.apply(List.of(registraduria, salud));

        assertThat(golden.value(CitizenFields.ADDRESS)).contains("Carrera 7 # 32-16 Apto 501, Bogotá");
        assertThat(golden.value(CitizenFields.SECOND_SURNAME)).contains("Pérez");
        assertThat(golden.discrepancy(CitizenFields.ADDRESS).orElseThrow().sources()).containsExactly(SALUD, REGISTRADURIA);
    }

    @Test
    void withinOneSourceTheMostRecentValueShouldWinAndRaiseNoAlert() {
        SourceRecord older = new SourceRecord(REGISTRADURIA, Instant.parse("2019-05-02T12:00:00Z"),
                Map.of(CitizenFields.ADDRESS, "Diagonal 40 # 20-31, Soacha"));

        GoldenRecord golden = rules.apply(List.of(older, registraduria));

        assertThat(golden.value(CitizenFields.ADDRESS)).contains("Calle 26 # 13-19, Bogotá");
        assertThat(golden.discrepancies()).isEmpty();
    }

    @Test
    void amongUntrustedSourcesTheMostRecentShouldWin() {
        SourceRecord form = new SourceRecord("web-form", Instant.parse("2025-11-01T12:00:00Z"),
                Map.of(CitizenFields.ADDRESS, "Transversal 5 # 10-20"));

        GoldenRecord golden = rules.apply(List.of(chat, form));

        assertThat(golden.value(CitizenFields.ADDRESS)).contains("Calle 80 # 45-10");
    }

    @Test
    void atEqualRankAndTimeTheMostFrequentValueShouldWin() {
        Instant sameTime = Instant.parse("2026-02-02T14:00:00Z");
        List<SourceRecord> records = List.of(
                new SourceRecord("chat", sameTime, Map.of(CitizenFields.MUNICIPALITY, "Soacha")),
                new SourceRecord("email", sameTime, Map.of(CitizenFields.MUNICIPALITY, "Bogotá")),
                new SourceRecord("open311", sameTime, Map.of(CitizenFields.MUNICIPALITY, "BOGOTA")));

        assertThat(rules.apply(records).value(CitizenFields.MUNICIPALITY)).contains("Bogotá");
    }

    @Test
    void theGoldenRecordShouldNotDependOnTheOrderOfTheRecords() {
        List<SourceRecord> records = new ArrayList<>(List.of(registraduria, salud, chat));
        GoldenRecord first = rules.apply(records);
        Collections.reverse(records);

        assertThat(rules.apply(records)).isEqualTo(first);
        assertThat(rules.apply(List.of())).isEqualTo(GoldenRecord.empty());
    }

    @Test
    void printedRecordsShouldNameFieldsAndSourcesButNoValues() {
        GoldenRecord golden = rules.apply(List.of(registraduria, salud, chat));

        for (String printed : List.of(golden.toString(), registraduria.toString(), golden.discrepancies().toString(),
                golden.field(CitizenFields.ADDRESS).orElseThrow().toString())) {
            assertThat(printed).doesNotContain("Pérez", "Peña", "Calle 26", "Carrera 7", "María", "1985");
        }
        assertThat(golden.toString()).contains("second_surname from registraduria");
        assertThat(registraduria.toString()).contains("address", "registraduria");
    }

    @Test
    void sourceRecordsShouldDropBlankValuesAndRefuseBadNames() {
        SourceRecord record = new SourceRecord("chat", Instant.parse("2026-01-15T13:00:00Z"),
                Map.of(CitizenFields.ADDRESS, "  Calle 80 # 45-10 ", CitizenFields.EMAIL, "   "));

        assertThat(record.fields()).containsExactly(Map.entry(CitizenFields.ADDRESS, "Calle 80 # 45-10"));
        assertThat(record.field(CitizenFields.ADDRESS).orElseThrow().source()).isEqualTo("chat");
        assertThatThrownBy(() -> new SourceRecord("Registraduría", Instant.now(), Map.of()))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> new SourceRecord("chat", Instant.now(), Map.of("Address", "x")))
                .isInstanceOf(VentanillaException.class);
        assertThatThrownBy(() -> new SourceRecord("chat", null, Map.of())).isInstanceOf(VentanillaException.class);
        assertThatThrownBy(() -> Survivorship.trusting(REGISTRADURIA, REGISTRADURIA)).isInstanceOf(VentanillaException.class);
    }
}
