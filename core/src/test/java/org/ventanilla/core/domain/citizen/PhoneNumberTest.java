package org.ventanilla.core.domain.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"+57 300 555 0101", "300 555 0101", "3005550101", "+573005550101", "(300) 555-0101", " 300.555.0101 "})
    void aColombianMobileShouldBeReadWithOrWithoutCountryCode(String raw) {
        PhoneNumber phone = PhoneNumber.parse(raw);

        assertThat(phone.value()).isEqualTo("+573005550101");
        assertThat(phone.kind()).isEqualTo(ContactKind.PHONE);
        assertThat(phone.countryCode()).isEqualTo(57);
        assertThat(phone.regionCode()).isEqualTo("CO");
        assertThat(phone.isMobile()).isTrue();
        assertThat(phone).hasToString("+57*******101");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(601) 382 2500", "601 3822500", "+57 601 382 2500", "+57 (601) 382-2500"})
    void aBogotaLandlineInTheTenDigitFormatShouldBeRead(String raw) {
        PhoneNumber phone = PhoneNumber.parse(raw);

        assertThat(phone.value()).isEqualTo("+576013822500");
        assertThat(phone.isMobile()).isFalse();
        assertThat(phone).hasToString("+57*******500");
        assertThat(phone.masked()).isEqualTo(phone.toString());
    }

    @Test
    void aForeignNumberShouldKeepItsCountryCode() {
        PhoneNumber chile = PhoneNumber.parse("9 6123 4567", "CL");

        assertThat(chile.value()).isEqualTo("+56961234567");
        assertThat(chile.regionCode()).isEqualTo("CL");
        assertThat(chile).hasToString("+56******567");
        assertThat(PhoneNumber.parse("+56 9 6123 4567")).isEqualTo(chile);
    }

    @Test
    void theConstructorShouldNormalizeLikeParse() {
        assertThat(new PhoneNumber("+57 300 555 0101")).isEqualTo(PhoneNumber.parse("300 555 0101"));
        assertThat(ContactPoint.parse(ContactKind.PHONE, "300 555 0101")).isEqualTo(PhoneNumber.parse("+573005550101"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "123", "300 555", "300 555 01012", "+57 100 000 0000", "382 2500", "+57 300 555 0101 ext 12",
        "1-800-FLOWERS", "300 555 0101; DROP", "0000000000",
    })
    void invalidNumbersShouldBeRefusedWithoutShowingThem(String raw) {
        assertThatThrownBy(() -> PhoneNumber.parse(raw))
                .isInstanceOfSatisfying(VentanillaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).startsWith("phone number").doesNotContain(raw.strip())
                            .doesNotContainPattern("\\d{4}");
                });
    }

    @Test
    void missingOrOverlongNumbersShouldBeRefused() {
        for (String raw : new String[] {null, "", "  ", "3".repeat(PhoneNumber.MAX_RAW_LENGTH + 1)}) {
            assertThatThrownBy(() -> PhoneNumber.parse(raw))
                    .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        }
    }
}
