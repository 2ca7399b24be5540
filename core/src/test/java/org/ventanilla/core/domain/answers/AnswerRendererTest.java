package org.ventanilla.core.domain.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AnswerRendererTest {

    @Test
    void everyChannelShouldComeFromTheOneSource() {
        AnswerSource source = new AnswerSource("El paz y salvo se descarga en https://alcaldia.example/paz-y-salvo.",
                "Tiene validez hasta el 31 de diciembre.", null);

        Map<AnswerChannel, String> renderings = AnswerRenderer.render(source);

        assertThat(renderings.get(AnswerChannel.CHAT)).isEqualTo("El paz y salvo se descarga en https://alcaldia.example/paz-y-salvo.");
        assertThat(renderings.get(AnswerChannel.EMAIL)).isEqualTo(
                "El paz y salvo se descarga en https://alcaldia.example/paz-y-salvo.\n\nTiene validez hasta el 31 de diciembre.");
        assertThat(renderings.get(AnswerChannel.VOICE)).isEqualTo("El paz y salvo se descarga en nuestro sitio web.");
    }

    @Test
    void aSpokenTextShouldBeTheVoiceRendering() {
        AnswerSource source = new AnswerSource("Atendemos de 7:00 a. m. a 5:00 p. m.", null,
                "Atendemos de siete de la mañana a cinco de la tarde.");

        Map<AnswerChannel, String> renderings = AnswerRenderer.render(source);

        assertThat(renderings.get(AnswerChannel.VOICE)).isEqualTo("Atendemos de siete de la mañana a cinco de la tarde.");
        assertThat(renderings.get(AnswerChannel.EMAIL)).isEqualTo("Atendemos de 7:00 a. m. a 5:00 p. m.");
    }

    @Test
    void aSummaryTooLongToSayShouldAskForASpokenText() {
        AnswerSource source = new AnswerSource("Texto largo. ".repeat(40), null, null);

        assertThatThrownBy(() -> AnswerRenderer.render(source))
                .hasMessageContaining("too long to be spoken").hasMessageContaining("at most " + AnswerRenderer.MAX_VOICE);
    }

    @Test
    void theSourceShouldRequireASummaryAndLimitLengths() {
        assertThatThrownBy(() -> new AnswerSource(" ", "detalles", null)).hasMessageContaining("summary is required");
        assertThatThrownBy(() -> new AnswerSource("x".repeat(AnswerSource.MAX_SUMMARY + 1), null, null))
                .hasMessageContaining("601 characters, at most 600");
        assertThat(new AnswerSource("  Resumen.  ", "  ", null).details()).isNull();
    }
}
