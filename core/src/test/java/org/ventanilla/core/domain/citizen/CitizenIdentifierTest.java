package org.ventanilla.core.domain.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class CitizenIdentifierTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "CC  | 1.020.304.050     | 1020304050",
        "CC  | 1020 304 050      | 1020304050",
        "CC  | 79.123.456        | 79123456",
        "CC  | 52345678          | 52345678",
        "CC  | 4.321             | 4321",
        "CC  | 123               | 123",
        "TI  | 1.001.234.567     | 1001234567",
        "TI  | 98031512345       | 98031512345",
        "RC  | 1.034.567.890     | 1034567890",
        "RC  | 10345678901       | 10345678901",
        "CE  | 123456            | 123456",
        "CE  | 1.234.567         | 1234567",
        "CE  | 0123456           | 0123456",
        "CE  | 1234567890        | 1234567890",
        "PEP | 123456789012345   | 123456789012345",
        "PPT | 1234567           | 1234567",
        "PPT | 12.345.678        | 12345678",
        "NIT | 899999034-1       | 899999034-1",
        "NIT | 899.999.034-1     | 899999034-1",
        "NIT | 8999990341        | 899999034-1",
        "NIT | 800197268-4       | 800197268-4",
        "NIT | 860.034.313-7     | 860034313-7",
        "NIT | 79.123.456-0      | 79123456-0",
        "RUN | 12.345.678-5      | 12345678-5",
        "RUN | 15.509.661-6      | 15509661-6",
        "RUN | 30.686.957-4      | 30686957-4",
        "RUN | 123456785         | 12345678-5",
        "RUN | 10.000.013-k      | 10000013-K",
        "RUN | 10000013K         | 10000013-K",
        "RUN | 20.000.008-0      | 20000008-0",
    })
    void validNumbersShouldBeNormalized(IdentifierType type, String raw, String normalized) {
        CitizenIdentifier identifier = CitizenIdentifier.parse(type, raw);

        assertThat(identifier.type()).isEqualTo(type);
        assertThat(identifier.value()).isEqualTo(normalized);
        assertThat(identifier).isEqualTo(new CitizenIdentifier(type, normalized));
        assertThat(identifier.toString()).startsWith(type.name() + " ").doesNotContain(normalized);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "CC  | 12                   | 3 to 10 digits",
        "CC  | 12345678901          | 3 to 10 digits",
        "CC  | 0123456789           | must not start with 0",
        "CC  | 1020-304050          | only digits",
        "CC  | 10203O4050           | only digits",
        "CC  | 1,020,304,050        | only digits",
        "TI  | 123456789            | 10 to 11 digits",
        "TI  | 123456789012         | 10 to 11 digits",
        "RC  | 103456789            | 10 to 11 digits",
        "CE  | 12345                | 6 to 10 digits",
        "CE  | 12345678901          | 6 to 10 digits",
        "PEP | 12345678901234       | 15 digits",
        "PEP | 1234567890123456     | 15 digits",
        "PPT | 12345                | 6 to 10 digits",
        "NIT | 899999034-2          | check digit",
        "NIT | 800197268-5          | check digit",
        "NIT | 8001972685           | check digit",
        "NIT | 899999034-12         | one check digit",
        "NIT | 89999903A-1          | only digits",
        "NIT | 099999034-1          | must not start with 0",
        "RUN | 12.345.678-6         | check digit",
        "RUN | 12.345.678-K         | check digit",
        "RUN | 15.509.661-5         | check digit",
        "RUN | 30.686.957-0         | check digit",
        "RUN | 12345678-X           | 0-9 or K",
        "RUN | 1234-3               | 6 to 9 digits",
        "RUN | 12.34A.678-5         | digits only",
    })
    void invalidNumbersShouldNameTheTypeAndTheRuleButNotTheValue(IdentifierType type, String raw, String rule) {
        assertThatThrownBy(() -> CitizenIdentifier.parse(type, raw))
                .isInstanceOfSatisfying(VentanillaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).startsWith(type.name() + " identifier").contains(rule)
                            .doesNotContain(raw).doesNotContain(raw.replaceAll("[^0-9]", ""));
                });
    }

    @ParameterizedTest
    @EnumSource(IdentifierType.class)
    void missingOrOverlongNumbersShouldBeRefused(IdentifierType type) {
        for (String raw : new String[] {null, "", "   ", "...", "1".repeat(IdentifierType.MAX_RAW_LENGTH + 1)}) {
            assertThatThrownBy(() -> CitizenIdentifier.parse(type, raw))
                    .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                    .hasMessageStartingWith(type.name() + " identifier");
        }
    }

    @Test
    void toStringShouldMaskAllButTheLastFourDigits() {
        assertThat(CitizenIdentifier.parse(IdentifierType.CC, "1.020.304.050")).hasToString("CC ******4050");
        assertThat(CitizenIdentifier.parse(IdentifierType.NIT, "899.999.034-1")).hasToString("NIT ******034-1");
        assertThat(CitizenIdentifier.parse(IdentifierType.RUN, "12.345.678-5")).hasToString("RUN *****678-5");
        assertThat(CitizenIdentifier.parse(IdentifierType.PEP, "123456789012345")).hasToString("PEP ***********2345");
        assertThat(CitizenIdentifier.parse(IdentifierType.CE, "123456")).hasToString("CE ***456");
        assertThat(CitizenIdentifier.parse(IdentifierType.CC, "4321")).hasToString("CC **21");
    }

    @ParameterizedTest
    @EnumSource(IdentifierType.class)
    void maskingShouldNeverRevealMoreThanTheLastFourDigitsNorTheWholeNumber(IdentifierType type) {
        Random random = new Random(20_260_401L + type.ordinal());
        for (int i = 0; i < 500; i++) {
            CitizenIdentifier identifier = randomValid(type, random);
            String masked = identifier.maskedValue();
            long visible = masked.chars().filter(Character::isLetterOrDigit).count();
            long total = identifier.value().chars().filter(Character::isLetterOrDigit).count();

            assertThat(visible).isLessThanOrEqualTo(Math.min(4, total / 2));
            assertThat(masked).hasSameSizeAs(identifier.value());
            assertThat(identifier.value()).endsWith(masked.substring(masked.lastIndexOf('*') + 1));
            assertThat(identifier.toString()).doesNotContain(identifier.value());
        }
    }

    @Test
    void typeCodesShouldBeReadInAnyCaseWithNuipAndRutAsAliases() {
        assertThat(IdentifierType.fromCode("cc")).isEqualTo(IdentifierType.CC);
        assertThat(IdentifierType.fromCode(" NUIP ")).isEqualTo(IdentifierType.RC);
        assertThat(IdentifierType.fromCode("nuip")).isEqualTo(IdentifierType.RC);
        assertThat(IdentifierType.fromCode("RUT")).isEqualTo(IdentifierType.RUN);
        assertThat(CitizenIdentifier.parse("NUIP", "1.034.567.890")).isEqualTo(CitizenIdentifier.parse(IdentifierType.RC, "1034567890"));
        assertThatThrownBy(() -> IdentifierType.fromCode("DNI"))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("DNI").hasMessageContaining("allowed");
        assertThatThrownBy(() -> IdentifierType.fromCode(null)).isInstanceOf(VentanillaException.class);
    }

    @Test
    void checkDigitAlgorithmsShouldMatchThePublishedExamples() {
        assertThat(CheckDigits.nit("899999034")).isEqualTo('1');
        assertThat(CheckDigits.nit("800197268")).isEqualTo('4');
        assertThat(CheckDigits.run("12345678")).isEqualTo('5');
        assertThat(CheckDigits.run("15509661")).isEqualTo('6');
        assertThat(CheckDigits.run("30686957")).isEqualTo('4');
        assertThat(CheckDigits.run("10000013")).isEqualTo('K');
        assertThat(CheckDigits.run("20000008")).isEqualTo('0');
    }

    @Test
    void aTypeIsRequired() {
        assertThatThrownBy(() -> new CitizenIdentifier(null, "1020304050"))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageNotContaining("1020304050");
    }

    private static CitizenIdentifier randomValid(IdentifierType type, Random random) {
        int length = type.minDigits() + random.nextInt(type.maxDigits() - type.minDigits() + 1);
        StringBuilder body = new StringBuilder();
        body.append((char) ('1' + random.nextInt(9)));
        while (body.length() < length) {
            body.append((char) ('0' + random.nextInt(10)));
        }
        switch (type) {
            case NIT:
                return CitizenIdentifier.parse(type, body + "-" + CheckDigits.nit(body.toString()));
            case RUN:
                return CitizenIdentifier.parse(type, body + "-" + CheckDigits.run(body.toString()));
            default:
                return CitizenIdentifier.parse(type, body.toString());
        }
    }
}
