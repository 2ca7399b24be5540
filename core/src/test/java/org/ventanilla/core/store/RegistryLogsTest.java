package org.ventanilla.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.demo.CatalogLoader;
import org.ventanilla.core.demo.DemoSeeder;
import org.ventanilla.core.domain.calendar.BusinessCalendar;
import org.ventanilla.core.domain.calendar.Deadlines;
import org.ventanilla.core.domain.citizen.CitizenFields;
import org.ventanilla.core.domain.citizen.CitizenId;
import org.ventanilla.core.domain.citizen.EmailAddress;
import org.ventanilla.core.domain.citizen.SourceRecord;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.domain.users.ConsentRecord;
import org.ventanilla.core.domain.users.PasswordHasher;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.intake.DefaultIntakeService;
import org.ventanilla.core.intake.InboundContact;
import org.ventanilla.core.intake.IntakeContract;
import org.ventanilla.core.port.RecordStore;

/**
 * Seeds the demo staff, signs in (right, wrong, unknown), records consent, reads a citizen's view and fails some
 * calls, with every log line captured; then looks for the passwords and the citizen's data: none may appear.
 */
class RegistryLogsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private static final String CEDULA = "1020304050";
    private static final String PHONE_DIGITS = "3005550101";
    private static final String EMAIL = "maria.gomez.restrepo@example.org";
    private static final PasswordHasher.Settings CHEAP = new PasswordHasher.Settings(64, 1, 1);

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void captureEveryLogLine() {
        root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(appender);
        root.setLevel(Level.INFO);
    }

    @Test
    void seedingSignInConsentAndViewsLogNoPasswordAndNoPersonalData() throws IOException {
        Path passwordsFile = dir.resolve("initial-passwords.txt");
        Path data = Files.createDirectories(dir.resolve("data"));
        List<String> passwords = new ArrayList<>();
        List<String> errorMessages = new ArrayList<>();
        try (RecordStore store = JdbcRecordStore.create(JdbcSettings.h2File(data))) {
            DemoSeeder.seedIfEmpty(store, passwordsFile, new SecureRandom(), CatalogLoader.demo(), CHEAP);
            for (String line : Files.readAllLines(passwordsFile, StandardCharsets.UTF_8)) {
                if (!line.startsWith("#")) {
                    passwords.add(line.split("\t")[1]);
                }
            }
            UserDirectory users = new UserDirectory(store, new PasswordHasher(CHEAP, new SecureRandom()));
            String anaPassword = passwords.get(0);
            users.authenticate("ana.gomez", anaPassword.toCharArray());
            users.authenticate("ana.gomez", (anaPassword + "x").toCharArray());
            users.authenticate(anaPassword, anaPassword.toCharArray());
            users.changeOwnPassword("ana.gomez", anaPassword.toCharArray(), "Nueva-Clave-Secreta-2026".toCharArray());
            passwords.add("Nueva-Clave-Secreta-2026");

            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            DefaultIntakeService intake = new DefaultIntakeService(store, IntakeContract.CATALOG, IntakeContract.CLASSIFIER,
                    new Deadlines(BusinessCalendar.colombia(clock)), "BOG", CitizenDirectoryContract.RULES);
            CitizenId maria = intake.receive(new InboundContact(Channel.VOICE, "call-7", NOW,
                    new InboundContact.CitizenHints("CC", "1.020.304.050", "+57 300 555 0101", null, null, "María Fernanda Gómez"),
                    null, "cuánto debo del predial", null, false, List.of())).citizenId().orElseThrow();
            CitizenDirectory directory = new CitizenDirectory(store, CitizenDirectoryContract.RULES, clock);
            String agent = users.findByUsername("ana.gomez").orElseThrow().id();
            directory.addContactPoint(agent, maria, EmailAddress.parse(EMAIL), "atender llamada call-7 de Gómez Restrepo");
            directory.addSourceRecord(maria, new SourceRecord("secretaria-salud", NOW, Map.of(CitizenFields.SECOND_SURNAME,
                    "Restrepo", CitizenFields.ADDRESS, "Calle 45 # 12-30")));
            directory.addSourceRecord(maria, new SourceRecord("registraduria", NOW, Map.of(CitizenFields.SECOND_SURNAME,
                    "Restrepo Ochoa", CitizenFields.ADDRESS, "Carrera 7 # 80-15")));
            new ConsentLog(store).record(new ConsentRecord(maria.toString(), "2026-06", NOW, "voice", "grabación call-7", true));
            directory.view(agent, maria, "atender llamada call-7 de María Gómez Restrepo");
            try {
                directory.addContactPoint(agent, CitizenId.random(), EmailAddress.parse(EMAIL), "otra");
            } catch (VentanillaException expected) {
                // A caller may log the failure's message: it is scanned with the log lines.
                errorMessages.add(expected.getMessage());
            }
        }

        assertThat(errorMessages).hasSize(1);
        List<String> lines = new ArrayList<>(errorMessages);
        for (ILoggingEvent event : appender.list) {
            lines.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(t.getMessage() == null ? "" : t.getMessage());
            }
        }
        assertThat(lines).anyMatch(l -> l.contains(passwordsFile.getFileName().toString()));
        assertThat(passwords).hasSizeGreaterThan(20);
        for (String line : lines) {
            String digits = line.replaceAll("[^0-9]", "");
            assertThat(digits).as("log line: %s", line).doesNotContain(CEDULA).doesNotContain(PHONE_DIGITS);
            String lower = line.toLowerCase(Locale.ROOT);
            assertThat(lower).as("log line: %s", line).doesNotContain(EMAIL).doesNotContain("gómez").doesNotContain("restrepo")
                    .doesNotContain("calle 45").doesNotContain("carrera 7");
            for (String password : passwords) {
                assertThat(line).as("a log line holds a password").doesNotContain(password);
            }
            assertThat(line).as("log line: %s", line).doesNotContain(PasswordHasher.PREFIX);
        }
    }
}
