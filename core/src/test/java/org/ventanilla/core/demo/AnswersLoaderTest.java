package org.ventanilla.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ventanilla.core.domain.answers.AnswerChannel;
import org.ventanilla.core.domain.answers.AnswerHit;
import org.ventanilla.core.domain.answers.AnswerRegistry;
import org.ventanilla.core.domain.answers.AnswerRenderer;
import org.ventanilla.core.domain.answers.AnswerSearch;
import org.ventanilla.core.domain.answers.ApprovedAnswer;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.catalog.Category;
import org.ventanilla.core.domain.catalog.ResolutionClass;

class AnswersLoaderTest {

    private final Catalog catalog = CatalogLoader.demo();
    private final AnswerRegistry answers = AnswersLoader.demo(catalog);

    @Test
    void everyImmediateCategoryShouldHaveAnActiveAnswerForEveryChannel() {
        for (Category category : catalog.byResolutionClass(ResolutionClass.IMMEDIATE)) {
            assertThat(answers.activeForCategory(category.code())).as(category.code()).isNotEmpty().allSatisfy(answer -> {
                assertThat(answer.renderings()).containsOnlyKeys(AnswerChannel.values());
                assertThat(answer.rendering(AnswerChannel.VOICE)).hasSizeLessThanOrEqualTo(AnswerRenderer.MAX_VOICE)
                        .doesNotContain("http");
                assertThat(answer.rendering(AnswerChannel.EMAIL).length()).isGreaterThan(answer.rendering(AnswerChannel.CHAT).length());
            });
        }
    }

    @Test
    void everyAnswerACategoryListsShouldExist() {
        for (Category category : catalog.categories()) {
            for (String id : category.approvedAnswerIds()) {
                assertThat(answers.current(id)).as(id).isPresent().get()
                        .extracting(ApprovedAnswer::categoryCode).isEqualTo(category.code());
            }
        }
    }

    @Test
    void anEditedDemoAnswerShouldKeepItsFirstVersion() {
        ApprovedAnswer current = answers.current("ans-horarios-sedes").orElseThrow();

        assertThat(current.version()).isEqualTo(2);
        assertThat(current.rendering(AnswerChannel.CHAT)).contains("sábados de 8:00 a. m. a 1:00 p. m.");
        assertThat(answers.version("ans-horarios-sedes", 1).orElseThrow().rendering(AnswerChannel.CHAT)).contains("12:00 m.");
    }

    @Test
    void theDemoAnswersShouldBeSearchable() {
        try (AnswerSearch search = AnswerSearch.over(answers)) {
            assertThat(search.search(null, "alumbrado publico", 3)).extracting(AnswerHit::answerId)
                    .first().isEqualTo("ans-alumbrado-reporte");
            assertThat(search.search("estado-cuenta-predial", "descuento pronto pago", 3)).extracting(AnswerHit::answerId)
                    .first().isEqualTo("ans-predial-descuentos");
        }
    }

    @Test
    void anAnswerForAnUnknownOrUnlistingCategoryShouldBeRefused() {
        String unknown = """
                {"format": "ventanilla-answers/1", "answers": [{"id": "ans-x", "category": "nada",
                 "versions": [{"version": 1, "title": "X", "summary": "Texto."}]}]}
                """;
        assertThatThrownBy(() -> AnswersLoader.parse(unknown, "test.json", catalog)).hasMessageContaining("unknown category 'nada'");
        String notListed = unknown.replace("\"nada\"", "\"ruido\"");
        assertThatThrownBy(() -> AnswersLoader.parse(notListed, "test.json", catalog)).hasMessageContaining("does not list this answer");
    }

    @Test
    void missingAnswersShouldBeNamed() {
        assertThatThrownBy(() -> AnswersLoader.parse("{\"format\": \"ventanilla-answers/1\", \"answers\": []}", "test.json", catalog))
                .hasMessageContaining("test.json").hasMessageContaining("which is missing");
    }

    @Test
    void versionsOutOfOrderShouldBeRefused() {
        String json = AnswersLoaderTestData.demoWithVersionNumber("ans-sisben", 1, 2);
        assertThatThrownBy(() -> AnswersLoader.parse(json, "test.json", catalog))
                .hasMessageContaining("answer ans-sisben version 2").hasMessageContaining("not the next version (1)");
    }
}
