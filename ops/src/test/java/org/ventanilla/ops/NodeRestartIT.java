package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.domain.cases.CaseNumber;
import org.ventanilla.core.domain.cases.CaseStatus;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.intake.InboundContact;
import org.ventanilla.core.intake.IntakeResult;

/** A stop and a restart of a node on its H2 file keep every contact, case and user, and radicados go on increasing. */
class NodeRestartIT {

    @TempDir
    Path dir;

    @Test
    void aStoppedAndRestartedNodeKeepsEverythingItAcknowledged() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ventanilla");
        String[] env = {"VENTANILLA_DATABASE_KIND", "h2", "VENTANILLA_DATABASE_URL", url, "VENTANILLA_DEMO_ENABLED", "true"};

        Wiring.Node first = Wiring.node(TestSettings.onFreePort(env), Clock.systemUTC());
        first.server().start().await();
        IntakeResult pothole = first.services().intake().receive(contact("r-1", "huecos-via", "hueco en la carrera 7 con calle 72"));
        IntakeResult tax = first.services().intake().receive(contact("r-2", "estado-cuenta-predial", "cuánto debo del predial"));
        assertThat(first.demo().seeded()).isTrue();
        Path passwords = first.demo().file().orElseThrow();
        String passwordsBefore = java.nio.file.Files.readString(passwords);
        first.server().stop().await(30, TimeUnit.SECONDS);

        Wiring.Node second = Wiring.node(TestSettings.onFreePort(env), Clock.systemUTC());
        second.server().start().await();
        try {
            CaseNumber radicado = pothole.caseNumber().orElseThrow();
            assertThat(second.services().intake().statusOf(radicado)).hasValueSatisfying(s -> {
                assertThat(s.status()).isEqualTo(CaseStatus.FILED);
                assertThat(s.dueDate()).isEqualTo(pothole.dueDate().orElseThrow());
            });
            assertThat(second.services().intake().interaction(tax.interactionId())).isPresent();
            IntakeResult again = second.services().intake().receive(contact("r-1", "huecos-via", "hueco en la carrera 7 con calle 72"));
            assertThat(again.duplicate()).isTrue();
            assertThat(again.interactionId()).isEqualTo(pothole.interactionId());
            IntakeResult next = second.services().intake().receive(contact("r-3", "ruido", "ruido toda la noche en el parque"));
            assertThat(next.caseNumber().orElseThrow().sequence()).isGreaterThan(radicado.sequence());
            assertThat(second.demo().seeded()).isFalse();
            assertThat(java.nio.file.Files.readString(passwords)).isEqualTo(passwordsBefore);
        } finally {
            second.server().stop().await(30, TimeUnit.SECONDS);
        }
    }

    private static InboundContact contact(String externalId, String topic, String text) {
        return new InboundContact(Channel.CHAT, externalId, Instant.now(), null, null, text,
                new InboundContact.ChannelContext(null, topic, null), false, List.of());
    }
}
