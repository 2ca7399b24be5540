package org.ventanilla.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.domain.calendar.BusinessCalendar;
import org.ventanilla.core.domain.calendar.Deadlines;
import org.ventanilla.core.domain.citizen.Survivorship;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.outbox.OutboxRelay;
import org.ventanilla.core.outbox.RelayOptions;
import org.ventanilla.core.port.OutboxEvent;
import org.ventanilla.core.port.RecordStore;

/**
 * Runs a whole intake scenario (valid and invalid citizens, every channel, the outbox relay) with every log
 * line of every logger captured, then looks for the identifiers, phones and emails used: none may appear.
 */
class PersonalDataInLogsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private static final String CEDULA = "1020304050";
    private static final String PHONE_DIGITS = "3005550101";
    private static final String EMAIL = "maria.gomez.restrepo@example.org";
    private static final String NIT_BODY = "899999034";
    private static final String BAD_CC = "10203040506070";

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void captureEveryLogLine() {
        root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(appender);
        root.setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @Test
    void aWholeIntakeScenarioLogsNoIdentifierPhoneOrEmail() {
        List<OutboxEvent> published = new ArrayList<>();
        try (RecordStore store = JdbcRecordStore.create(JdbcSettings.h2File(dir))) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            DefaultIntakeService intake = new DefaultIntakeService(store, IntakeContract.CATALOG, IntakeContract.CLASSIFIER,
                    new Deadlines(BusinessCalendar.colombia(clock)), "BOG", Survivorship.trusting("registraduria"));

            intake.receive(contact(Channel.VOICE, "call-1", new InboundContact.CitizenHints(null, null, "+57 300 555 0101", null,
                    null, null), "hay un hueco en la calle 45"));
            intake.receive(contact(Channel.CHAT, "chat-1", new InboundContact.CitizenHints("CC", "1.020.304.050", null, EMAIL,
                    null, "María Fernanda Gómez Restrepo"), "cuánto debo del predial"));
            intake.receive(contact(Channel.EMAIL, "<m-1@example.org>", new InboundContact.CitizenHints("NIT", NIT_BODY + "-1",
                    null, EMAIL, null, null), "solicito copia del contrato 045"));
            intake.receive(contact(Channel.EMAIL, "<m-1@example.org>", new InboundContact.CitizenHints("NIT", NIT_BODY + "-1",
                    null, EMAIL, null, null), "solicito copia del contrato 045"));
            assertThatThrownBy(() -> intake.receive(contact(Channel.CHAT, "chat-2",
                    new InboundContact.CitizenHints("CC", BAD_CC, null, null, null, null), "hola")))
                    .isInstanceOf(VentanillaException.class);
            assertThatThrownBy(() -> intake.receive(contact(Channel.CHAT, "chat-3",
                    new InboundContact.CitizenHints("NIT", NIT_BODY + "-7", null, null, null, null), "hola")))
                    .isInstanceOf(VentanillaException.class);

            OutboxRelay relay = OutboxRelay.create(store, published::add, new RelayOptions());
            relay.runOnce();
            relay.close();
        }
        assertThat(published).hasSize(5);

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            lines.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(t.getMessage() == null ? "" : t.getMessage());
            }
        }
        assertThat(lines).as("the scenario must log something to be scanned").isNotEmpty();
        for (String line : lines) {
            String digits = line.replaceAll("[^0-9]", "");
            assertThat(digits).as("log line: %s", line).doesNotContain(CEDULA).doesNotContain(PHONE_DIGITS)
                    .doesNotContain(NIT_BODY).doesNotContain(BAD_CC);
            assertThat(line.toLowerCase(java.util.Locale.ROOT)).as("log line: %s", line).doesNotContain(EMAIL)
                    .doesNotContain("gómez").doesNotContain("restrepo");
        }
    }

    private static InboundContact contact(Channel channel, String externalId, InboundContact.CitizenHints who, String text) {
        return new InboundContact(channel, externalId, NOW, who, channel == Channel.EMAIL ? "Derecho de petición" : null, text,
                null, false, List.of());
    }
}
