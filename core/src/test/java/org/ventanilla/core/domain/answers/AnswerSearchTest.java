package org.ventanilla.core.domain.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnswerSearchTest {

    private final AnswerRegistry registry = new AnswerRegistry();
    private AnswerSearch search;

    @BeforeEach
    void publishAnswers() {
        registry.publish("ans-alumbrado-reporte", "alumbrado-publico", "Cómo se atiende un daño de alumbrado público",
                new AnswerSource("Para reportar un daño de alumbrado público indique la dirección y el número del poste.",
                        "La cuadrilla lo atiende en 3 a 5 días hábiles.", null));
        registry.publish("ans-paz-y-salvo", "paz-y-salvo", "Paz y salvo de impuestos municipales",
                new AnswerSource("El paz y salvo del predial se descarga gratis cuando el predio está al día.", null, null));
        registry.publish("ans-predial-estado-cuenta", "estado-cuenta-predial", "Estado de cuenta del impuesto predial",
                new AnswerSource("Puede ver el estado de cuenta del impuesto predial con la ficha catastral.", null, null));
        search = AnswerSearch.over(registry);
    }

    @AfterEach
    void closeIndex() {
        search.close();
    }

    @Test
    void wordsWithoutAccentsShouldFindTextWithAccents() {
        assertThat(search.search(null, "alumbrado publico", 5)).extracting(AnswerHit::answerId).containsExactly("ans-alumbrado-reporte");
        assertThat(search.search(null, "DAÑO DEL POSTE", 5)).extracting(AnswerHit::answerId).containsExactly("ans-alumbrado-reporte");
        assertThat(search.search(null, "dias habiles cuadrilla", 5)).extracting(AnswerHit::answerId).contains("ans-alumbrado-reporte");
    }

    @Test
    void theCategoryShouldNarrowTheSearch() {
        assertThat(search.search(null, "predial", 5)).extracting(AnswerHit::answerId)
                .containsExactlyInAnyOrder("ans-paz-y-salvo", "ans-predial-estado-cuenta");
        assertThat(search.search("paz-y-salvo", "predial", 5)).extracting(AnswerHit::answerId).containsExactly("ans-paz-y-salvo");
        assertThat(search.search("paz-y-salvo", "alumbrado", 5)).isEmpty();
    }

    @Test
    void aTitleMatchShouldRankFirst() {
        assertThat(search.search(null, "estado de cuenta predial", 5).get(0).answerId()).isEqualTo("ans-predial-estado-cuenta");
    }

    @Test
    void noWordsShouldListTheCategoryOrNothing() {
        assertThat(search.search("alumbrado-publico", "", 5)).extracting(AnswerHit::answerId).containsExactly("ans-alumbrado-reporte");
        assertThat(search.search(null, "  de la ", 5)).isEmpty();
    }

    @Test
    void hitsShouldCarryTheCurrentVersionAndFollowEdits() {
        registry.edit("ans-paz-y-salvo", "Paz y salvo", new AnswerSource("El certificado de no deuda se descarga en línea.", null, null));

        assertThat(search.search(null, "certificado no deuda", 5)).singleElement().satisfies(hit -> {
            assertThat(hit.answerId()).isEqualTo("ans-paz-y-salvo");
            assertThat(hit.version()).isEqualTo(2);
            assertThat(hit.categoryCode()).isEqualTo("paz-y-salvo");
            assertThat(hit.title()).isEqualTo("Paz y salvo");
        });
        assertThat(search.search("paz-y-salvo", "predial", 5)).as("the old wording is gone").isEmpty();
    }

    @Test
    void aWithdrawnAnswerShouldNotBeFound() {
        registry.setActive("ans-alumbrado-reporte", false);

        assertThat(search.search(null, "alumbrado", 5)).isEmpty();

        registry.setActive("ans-alumbrado-reporte", true);

        assertThat(search.search(null, "alumbrado", 5)).extracting(AnswerHit::version).containsExactly(3);
    }

    @Test
    void theLimitShouldBeChecked() {
        assertThat(search.search(null, "predial", 1)).hasSize(1);
        assertThatThrownBy(() -> search.search(null, "predial", 0)).hasMessageContaining("search limit (0)");
    }

    @Test
    void editsAfterCloseShouldNotFail() {
        search.close();

        registry.edit("ans-paz-y-salvo", "Paz y salvo", new AnswerSource("Otro texto.", null, null));

        assertThat(registry.current("ans-paz-y-salvo").orElseThrow().version()).isEqualTo(2);
    }
}
