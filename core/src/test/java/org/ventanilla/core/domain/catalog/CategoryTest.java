package org.ventanilla.core.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class CategoryTest {

    private static Category deferred(String legalTerm) {
        return new Category("huecos-via", "Huecos en la vía", "Potholes", ResolutionClass.DEFERRED, legalTerm, "infraestructura",
                Map.of("infraestructura-vial", 2), "danos-y-servicios", "001", null, List.of(), List.of("hay un hueco"));
    }

    private static Category immediate(String legalTerm) {
        return new Category("estado-radicado", "Estado de mi radicado", "Status of my filing", ResolutionClass.IMMEDIATE, legalTerm,
                "atencion-ciudadano", Map.of(), "general", null, "1", List.of("ans-estado-radicado"), List.of());
    }

    @Test
    void aDeferredCategoryShouldNameOneOfTheLegalTerms() {
        for (String term : Category.LEGAL_TERM_CODES) {
            assertThat(deferred(term).legalTermCode()).isEqualTo(term);
        }
        assertThatThrownBy(() -> deferred(null)).isInstanceOf(VentanillaException.class)
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("'huecos-via'").hasMessageContaining("PETITION");
        assertThatThrownBy(() -> deferred("TUTELA")).hasMessageContaining("'TUTELA'");
    }

    @Test
    void anImmediateCategoryShouldHaveNoLegalTerm() {
        assertThat(immediate(null).legalTermCode()).isNull();
        assertThatThrownBy(() -> immediate("PETITION")).hasMessageContaining("immediate category 'estado-radicado'");
    }

    @Test
    void codesShouldBeLowerCaseSlugs() {
        assertThatThrownBy(() -> new Category("Huecos Vía", "Huecos", "Potholes", ResolutionClass.IMMEDIATE, null, "infraestructura",
                Map.of(), "general", null, null, List.of(), List.of())).hasMessageContaining("'Huecos Vía'");
    }

    @Test
    void skillLevelsShouldBeOneToFive() {
        Map<String, Integer> tooHigh = new HashMap<>(Map.of("impuestos", 6));
        assertThatThrownBy(() -> new Category("predial", "Predial", "Property tax", ResolutionClass.IMMEDIATE, null, "hacienda",
                tooHigh, "impuestos", null, null, List.of(), List.of()))
                .hasMessageContaining("'impuestos'").hasMessageContaining("6").hasMessageContaining("1 to 5");
    }

    @Test
    void ivrOptionsShouldBeDigitsAndOpen311CodesPlain() {
        assertThatThrownBy(() -> new Category("predial", "Predial", "Property tax", ResolutionClass.IMMEDIATE, null, "hacienda",
                Map.of(), "impuestos", null, "dos", List.of(), List.of())).hasMessageContaining("IVR option 'dos'");
        assertThatThrownBy(() -> new Category("predial", "Predial", "Property tax", ResolutionClass.IMMEDIATE, null, "hacienda",
                Map.of(), "impuestos", "a b", null, List.of(), List.of())).hasMessageContaining("'a b'");
    }

    @Test
    void theNameShouldFollowTheLanguage() {
        assertThat(deferred("PETITION").name("en")).isEqualTo("Potholes");
        assertThat(deferred("PETITION").name("es")).isEqualTo("Huecos en la vía");
        assertThat(deferred("PETITION").name(null)).isEqualTo("Huecos en la vía");
    }

    @Test
    void listsShouldBeCopied() {
        Category category = deferred("PETITION");

        assertThatThrownBy(() -> category.trainingPhrases().add("otra")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> category.requiredSkills().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
