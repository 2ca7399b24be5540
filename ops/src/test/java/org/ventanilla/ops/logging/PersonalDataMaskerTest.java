package org.ventanilla.ops.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskerTest {

    @Test
    void emailAddressesKeepOnlyTheirFirstLettersAndTopLevelDomain() {
        assertThat(PersonalDataMasker.mask("respuesta enviada a maria.lopez@correo.gov.co hoy"))
                .isEqualTo("respuesta enviada a m******@c******.co hoy");
        assertThat(PersonalDataMasker.mask("<José.Núñez+pqrs@alcaldia-medellin.gov.co>"))
                .doesNotContain("pqrs@").doesNotContain("medellin");
    }

    @Test
    void identityNumbersAndPhoneNumbersAreMasked() {
        assertThat(PersonalDataMasker.mask("ciudadano CC 1020304050 llamó desde 3001234567"))
                .isEqualTo("ciudadano CC ******4050 llamó desde ******4567");
        assertThat(PersonalDataMasker.mask("TI 987654")).isEqualTo("TI ******");
        assertThat(PersonalDataMasker.mask("cédula:79123456,")).isEqualTo("cédula:******3456,");
    }

    @Test
    void internationalPhoneNumbersWithSeparatorsAreMasked() {
        assertThat(PersonalDataMasker.mask("llamada de +57 300 123 4567 en cola")).isEqualTo("llamada de ******4567 en cola");
        assertThat(PersonalDataMasker.mask("móvil +56-9-8765-4321")).isEqualTo("móvil ******4321");
    }

    @Test
    void shortNumbersAndOperationalIdentifiersStayReadable() {
        String operational = "puerto 8080, 12 agentes, radicado MED-2024-0001234 y 2025-0000042,"
                + " id 550e8400-e29b-41d4-a716-446655440000, duración 0.1234567 s, hora 2024-05-10T10:15:30";

        assertThat(PersonalDataMasker.mask(operational)).isEqualTo(operational);
    }

    @Test
    void nothingToMaskReturnsTheSameText() {
        assertThat(PersonalDataMasker.mask("cola 'trámites' llena (500 de 500)")).isEqualTo("cola 'trámites' llena (500 de 500)");
        assertThat(PersonalDataMasker.mask(null)).isNull();
        assertThat(PersonalDataMasker.mask("")).isEmpty();
    }
}
