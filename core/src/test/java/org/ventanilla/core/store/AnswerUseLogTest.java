package org.ventanilla.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.adapter.memory.MemoryRecordStore;
import org.ventanilla.core.domain.answers.AnswerChannel;
import org.ventanilla.core.domain.answers.AnswerUse;
import org.ventanilla.core.port.RecordStore;

class AnswerUseLogTest {

    @TempDir
    Path dir;

    @Test
    void sameAnswerVersionIsRecordedOnEveryChannelAndFoundByInteractionAndByAnswer() {
        for (RecordStore store : new RecordStore[] {MemoryRecordStore.create(), JdbcRecordStore.create(JdbcSettings.h2File(dir))}) {
            try (store) {
                AnswerUseLog log = new AnswerUseLog(store);
                Instant t = Instant.parse("2026-11-24T15:00:00Z");
                log.record(new AnswerUse("certificado-residencia-requisitos", 3, "i-voice", AnswerChannel.VOICE, t));
                log.record(new AnswerUse("certificado-residencia-requisitos", 3, "i-chat", AnswerChannel.CHAT, t.plusSeconds(60)));
                log.record(new AnswerUse("certificado-residencia-requisitos", 3, "i-email", AnswerChannel.EMAIL, t.plusSeconds(120)));
                log.record(new AnswerUse("horarios", 1, "i-chat", AnswerChannel.CHAT, t.plusSeconds(30)));

                assertThat(log.usesOf("certificado-residencia-requisitos")).extracting(AnswerUse::interactionId)
                        .containsExactly("i-voice", "i-chat", "i-email");
                assertThat(log.usesOf("certificado-residencia-requisitos")).extracting(AnswerUse::version).containsOnly(3);
                assertThat(log.usesIn("i-chat")).extracting(AnswerUse::answerId)
                        .containsExactly("horarios", "certificado-residencia-requisitos");
            }
        }
    }
}
