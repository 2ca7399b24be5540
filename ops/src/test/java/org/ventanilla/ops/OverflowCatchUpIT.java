package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.domain.interaction.InteractionId;
import org.ventanilla.core.intake.InboundContact;
import org.ventanilla.core.intake.IntakeResult;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.ops.config.Settings;
import org.ventanilla.routing.api.RoutingAddresses;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.store.StoredRoutingEvents;

/**
 * An overflow that routing stored but the node did not carry out (it died in between) is carried out when a node
 * starts on the same database: the contact ends as a deferred case on its team's work list, not lost, and it is not put
 * back in its queue.
 */
class OverflowCatchUpIT {

    @TempDir
    Path dir;

    @Test
    void anOverflowStoredBeforeACrashIsCarriedOutAtTheNextStart() throws Exception {
        ShiftedClock clock = ShiftedClock.startingAt(ChatTwoProcessesIT.officeHoursInBogota());
        Settings settings = TestSettings.onFreePort("VENTANILLA_DATABASE_KIND", "h2", "VENTANILLA_DATABASE_URL",
                "jdbc:h2:file:" + dir.resolve("ventanilla"));
        Wiring.Node first = Wiring.node(settings, clock);
        first.server().start().await();
        IntakeResult chat;
        Instant arrivedAt;
        try {
            chat = first.services().intake().receive(new InboundContact(Channel.CHAT, "chat-caida-1", clock.instant(), null, null,
                    "necesito saber el horario de la sede de Kennedy", new InboundContact.ChannelContext(null, "horarios-sedes", null),
                    false, List.of()));
            JsonObject item = await("the chat waiting in general").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> (JsonObject) first.server().vertx().eventBus().request(RoutingAddresses.ITEM,
                            new JsonObject().put("itemId", chat.interactionId().value())).await(5, TimeUnit.SECONDS).body(),
                            found -> "WAITING".equals(found.getString("status")));
            arrivedAt = Instant.parse(item.getString("arrivedAt"));
        } finally {
            first.server().stop().await(30, TimeUnit.SECONDS);
        }

        // the node overflowed the chat and stored the event, then died before anything else happened
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        try (RecordStore records = Wiring.recordStore(settings.database(), clock)) {
            StoredRoutingEvents history = StoredRoutingEvents.create(records, "prueba-1");
            history.record(new RoutingEvent(RoutingEventType.OVERFLOWED, clock.instant(), "general", chat.interactionId().value(),
                    null, org.ventanilla.routing.api.Channel.CHAT, arrivedAt, null, "DEFERRED_CASE"));
            history.flush().get(10, TimeUnit.SECONDS);
            history.close();
        }

        Wiring.Node second = Wiring.node(settings, clock);
        second.server().start().await();
        try {
            InteractionId contact = chat.interactionId();
            String radicado = await("the chat filed as a case").atMost(Duration.ofSeconds(30))
                    .until(() -> second.services().intake().interaction(contact).orElseThrow().radicado(), r -> r.isPresent())
                    .orElseThrow().value();
            await("the case on the team's work list").atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                JsonArray work = (JsonArray) second.server().vertx().eventBus()
                        .request(RoutingAddresses.WORK_LIST, new JsonObject().put("teamId", "atencion-ciudadano"))
                        .await(5, TimeUnit.SECONDS).body();
                assertThat(work.stream().map(JsonObject.class::cast).map(e -> e.getString("caseId"))).contains(radicado);
            });
            JsonArray waiting = (JsonArray) second.server().vertx().eventBus()
                    .request(RoutingAddresses.QUEUE_WAITING, new JsonObject().put("queueId", "general")).await(5, TimeUnit.SECONDS)
                    .body();
            assertThat(waiting.encode()).as("the overflowed chat is not back in its queue").doesNotContain(contact.value());
        } finally {
            second.server().stop().await(30, TimeUnit.SECONDS);
        }
    }
}
