package org.ventanilla.core.domain.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class ApprovedAnswerTest {

    private static final AnswerSource SOURCE = new AnswerSource("Puede consultar su radicado en el sitio web.", "Detalles.", null);

    @Test
    void ofShouldRenderEveryChannel() {
        ApprovedAnswer answer = ApprovedAnswer.of("ans-estado-radicado", 1, "estado-radicado", "Estado de un radicado", SOURCE, true);

        assertThat(answer.renderings()).containsOnlyKeys(AnswerChannel.values());
        assertThat(answer.rendering(AnswerChannel.CHAT)).isEqualTo(SOURCE.summary());
        assertThat(answer.sourceText()).contains("Detalles.");
        assertThatThrownBy(() -> answer.renderings().put(AnswerChannel.CHAT, "otro")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMissingRenderingShouldBeRefused() {
        Map<AnswerChannel, String> renderings = new EnumMap<>(AnswerRenderer.render(SOURCE));
        renderings.remove(AnswerChannel.VOICE);

        assertThatThrownBy(() -> new ApprovedAnswer("ans-x", 1, "general", "T", SOURCE, renderings, true))
                .isInstanceOf(VentanillaException.class)
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("no VOICE rendering");
    }

    @Test
    void badIdsVersionsAndTitlesShouldBeRefused() {
        assertThatThrownBy(() -> ApprovedAnswer.of("Ans X", 1, "general", "T", SOURCE, true)).hasMessageContaining("'Ans X'");
        assertThatThrownBy(() -> ApprovedAnswer.of("ans-x", 0, "general", "T", SOURCE, true)).hasMessageContaining("version 0");
        assertThatThrownBy(() -> ApprovedAnswer.of("ans-x", 1, "general", " ", SOURCE, true)).hasMessageContaining("title");
        assertThatThrownBy(() -> ApprovedAnswer.of("ans-x", 1, null, "T", SOURCE, true)).hasMessageContaining("category");
    }
}
