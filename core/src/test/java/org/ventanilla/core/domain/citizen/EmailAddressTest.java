package org.ventanilla.core.domain.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class EmailAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "maria.gomez@gmail.com              | maria.gomez@gmail.com",
        "  Maria.Gomez@Gmail.COM            | maria.gomez@gmail.com",
        "juan+tramites@bogota.gov.co        | juan+tramites@bogota.gov.co",
        "o'neill_2@correo.unal.edu.co       | o'neill_2@correo.unal.edu.co",
        "x@sub-domain.example.co            | x@sub-domain.example.co",
        "pqrs@alcaldía.gov.co               | pqrs@xn--alcalda-dza.gov.co",
    })
    void validAddressesShouldBeTrimmedAndLowerCased(String raw, String normalized) {
        EmailAddress email = EmailAddress.parse(raw);

        assertThat(email.value()).isEqualTo(normalized);
        assertThat(email.kind()).isEqualTo(ContactKind.EMAIL);
        assertThat(email).isEqualTo(new EmailAddress(normalized));
    }

    @Test
    void toStringShouldShowOnlyTheFirstLetterAndTheDomain() {
        EmailAddress email = EmailAddress.parse("maria.gomez@gmail.com");

        assertThat(email).hasToString("m***@gmail.com");
        assertThat(email.localPart()).isEqualTo("maria.gomez");
        assertThat(email.domain()).isEqualTo("gmail.com");
        assertThat(EmailAddress.parse("a@b.co")).hasToString("a***@b.co");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "maria.gomez", "maria.gomez@", "@gmail.com", "maria@@gmail.com", "maria@gomez@gmail.com",
        "maria..gomez@gmail.com", ".maria@gmail.com", "maria.@gmail.com", "maria gomez@gmail.com",
        "maria@gmail", "maria@-gmail.com", "maria@gmail-.com", "maria@gmail..com", "maria@gmail.com.",
        "\"María Gómez\" <maria@gmail.com>", "maria@[127.0.0.1]", "maria@192.168.0.1", "maría@gmail.com",
        "maria@gm_ail.com", "maria@gmail.c\u00f3m x",
    })
    void malformedAddressesShouldBeRefusedWithoutShowingThem(String raw) {
        assertThatThrownBy(() -> EmailAddress.parse(raw))
                .isInstanceOfSatisfying(VentanillaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).startsWith("email address").doesNotContain("maria").doesNotContain("gmail");
                });
    }

    @Test
    void addressesLongerThanTheLimitsShouldBeRefused() {
        String label = "a".repeat(60);
        String domain = String.join(".", label, label, label, "bbb", "co");
        String longest = "c".repeat(64) + "@" + domain;
        assertThat(longest).hasSize(EmailAddress.MAX_LENGTH);
        assertThat(EmailAddress.parse(longest).value()).hasSize(254);

        assertInvalid("c" + longest, "longer than 254");
        assertInvalid("d".repeat(65) + "@gmail.com", "longer than 64");
        assertInvalid("x@" + "e".repeat(64) + ".com", "1 to 63");
        assertInvalid(null, "required");
        assertInvalid("   ", "required");
    }

    private static void assertInvalid(String raw, String rule) {
        assertThatThrownBy(() -> EmailAddress.parse(raw))
                .isInstanceOfSatisfying(VentanillaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains(rule);
                });
    }
}
