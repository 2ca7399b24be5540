package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.intake.InboundContact;
import org.ventanilla.core.intake.IntakeResult;
import org.ventanilla.routing.api.RoutingAddresses;

/**
 * A contact taken in by intake reaches routing through the outbox relay: immediate work waits in its category's
 * queue, deferred work lands on the owning team's work list with its due date.
 */
class IntakeToRoutingIT {

    @TempDir
    Path dir;

    @Test
    void immediateContactsAreQueuedAndDeferredOnesGoToTheTeamWorkList() throws Exception {
        Wiring.Node node = Wiring.node(TestSettings.onFreePort("VENTANILLA_DATABASE_KIND", "h2",
                "VENTANILLA_DATABASE_URL", "jdbc:h2:file:" + dir.resolve("ventanilla")), Clock.systemUTC());
        node.server().start().await();
        try {
            IntakeResult email = node.services().intake().receive(new InboundContact(Channel.EMAIL, "<predial-1@example.org>",
                    Instant.now(), null, "Estado de cuenta", "cuánto debo del impuesto predial de mi casa",
                    new InboundContact.ChannelContext(null, "estado-cuenta-predial", null), false, List.of()));
            IntakeResult pothole = node.services().intake().receive(new InboundContact(Channel.CHAT, "hueco-1", Instant.now(), null,
                    null, "hay un hueco enorme frente al colegio", new InboundContact.ChannelContext(null, "huecos-via", null), false,
                    List.of()));

            await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
                JsonObject item = (JsonObject) node.server().vertx().eventBus()
                        .request(RoutingAddresses.ITEM, new JsonObject().put("itemId", email.interactionId().value()))
                        .await(5, TimeUnit.SECONDS).body();
                assertThat(item.getString("status")).isEqualToIgnoringCase("WAITING");
                assertThat(item.getString("queueId")).isEqualTo("impuestos");
            });
            String team = node.services().catalog().require("huecos-via").owningTeam();
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
                JsonArray work = (JsonArray) node.server().vertx().eventBus()
                        .request(RoutingAddresses.WORK_LIST, new JsonObject().put("teamId", team))
                        .await(5, TimeUnit.SECONDS).body();
                assertThat(work.encode()).contains(pothole.caseNumber().orElseThrow().value());
            });
        } finally {
            node.server().stop().await(30, TimeUnit.SECONDS);
        }
    }
    @Test
    void aContactRoutingRefusesDoesNotHoldBackTheOnesAfterIt() throws Exception {
        Wiring.Node node = Wiring.node(TestSettings.onFreePort("VENTANILLA_DATABASE_KIND", "h2",
                "VENTANILLA_DATABASE_URL", "jdbc:h2:file:" + dir.resolve("ventanilla")), Clock.systemUTC());
        node.server().start().await();
        try {
            // Sunday 03:00 in Bogotá: every live queue of the demo catalog is closed, so routing refuses a chat.
            Instant sundayNight = Instant.parse("2026-11-29T08:00:00Z");
            node.services().intake().receive(new InboundContact(Channel.CHAT, "noche-1", sundayNight, null, null,
                    "cuánto debo del predial", new InboundContact.ChannelContext(null, "estado-cuenta-predial", null), false, List.of()));
            IntakeResult email = node.services().intake().receive(new InboundContact(Channel.EMAIL, "<despues-1@example.org>",
                    Instant.now(), null, "Estado de cuenta", "cuánto debo del impuesto predial",
                    new InboundContact.ChannelContext(null, "estado-cuenta-predial", null), false, List.of()));

            await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
                JsonObject item = (JsonObject) node.server().vertx().eventBus()
                        .request(RoutingAddresses.ITEM, new JsonObject().put("itemId", email.interactionId().value()))
                        .await(5, TimeUnit.SECONDS).body();
                assertThat(item.getString("status")).isEqualToIgnoringCase("WAITING");
            });
        } finally {
            node.server().stop().await(30, TimeUnit.SECONDS);
        }
    }
}
