package org.ventanilla.core.domain.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpanishFoldingAnalyzerTest {

    private final SpanishFoldingAnalyzer analyzer = new SpanishFoldingAnalyzer();

    @Test
    void accentsAndCaseShouldFoldAway() {
        assertThat(analyzer.tokens("Alumbrado Público")).isEqualTo(analyzer.tokens("alumbrado publico"));
        assertThat(analyzer.tokens("Árbol caído en la VÍA")).isEqualTo(analyzer.tokens("arbol caido en la via"));
    }

    @Test
    void shortWordsShouldFoldTooAlthoughTheStemmerSkipsThem() {
        assertThat(analyzer.tokens("vía")).containsExactly("via");
    }

    @Test
    void stopWordsShouldGoAndWordsShouldBeStemmed() {
        assertThat(analyzer.tokens("la recolección de las basuras")).containsExactly("recoleccion", "basur");
        assertThat(analyzer.tokens("the street lights")).doesNotContain("the");
    }

    @Test
    void estadoShouldStayBecauseItCarriesTheMeaning() {
        assertThat(analyzer.tokens("estado de cuenta")).contains("estad");
    }

    @Test
    void blankTextShouldGiveNoTokens() {
        assertThat(analyzer.tokens(null)).isEmpty();
        assertThat(analyzer.tokens("   ")).isEmpty();
    }
}
