package org.ventanilla.core.domain.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AnswerUseTest {

    @Test
    void aUseShouldRecordTheAnswerVersionItCarried() {
        ApprovedAnswer answer = ApprovedAnswer.of("ans-sisben", 3, "sisben", "Sisbén",
                new AnswerSource("Para pedir la encuesta del Sisbén acérquese con la cédula.", null, null), true);
        Instant at = Instant.parse("2025-03-03T14:05:00Z");

        AnswerUse use = AnswerUse.of(answer, "int-000123", AnswerChannel.CHAT, at);

        assertThat(use).isEqualTo(new AnswerUse("ans-sisben", 3, "int-000123", AnswerChannel.CHAT, at));
    }

    @Test
    void aUseWithoutAnswerVersionOrInteractionShouldBeRefused() {
        Instant at = Instant.parse("2025-03-03T14:05:00Z");

        assertThatThrownBy(() -> new AnswerUse(" ", 1, "int-1", AnswerChannel.VOICE, at)).hasMessageContaining("answer id");
        assertThatThrownBy(() -> new AnswerUse("ans-sisben", 0, "int-1", AnswerChannel.VOICE, at)).hasMessageContaining("version 0");
        assertThatThrownBy(() -> new AnswerUse("ans-sisben", 1, null, AnswerChannel.VOICE, at)).hasMessageContaining("interaction id");
    }
}
