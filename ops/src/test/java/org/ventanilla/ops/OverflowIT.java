package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.domain.cases.CaseStatus;
import org.ventanilla.core.domain.cases.ServiceCase;
import org.ventanilla.core.domain.interaction.CallbackRequest;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.domain.interaction.Interaction;
import org.ventanilla.core.intake.InboundContact;
import org.ventanilla.core.intake.IntakeResult;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.port.RecordTransaction;
import org.ventanilla.core.store.DomainJson;
import org.ventanilla.core.store.RecordKinds;
import org.ventanilla.core.testing.TestServices;
import org.ventanilla.ops.overflow.OverflowHandler;
import org.ventanilla.routing.api.RoutingAddresses;

/**
 * A wired node on PostgreSQL with the demo catalog carries out every overflow action of its queues: a chat that waits
 * the general queue's maximum becomes a deferred case with a radicado on the owning team's work list, a call that waits
 * the tax queue's maximum becomes a stored callback to the number it came from on that team's work list, a contact of
 * the damage queue moves to the general queue; and an overflow event delivered again, even at the same moment, files
 * nothing twice. The node's clock is shifted to office hours and moved forward by the test (no sleeping through waits).
 */
class OverflowIT {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final ShiftedClock clock = ShiftedClock.startingAt(ChatTwoProcessesIT.officeHoursInBogota());
    private final List<JsonObject> handled = new CopyOnWriteArrayList<>();
    private final List<JsonObject> overflowed = new CopyOnWriteArrayList<>();
    private String url;
    private Wiring.Node node;

    @BeforeEach
    void startNode() {
        url = TestServices.postgresUrlWithFreshSchema();
        node = Wiring.node(TestSettings.onFreePort("VENTANILLA_DATABASE_KIND", "postgres", "VENTANILLA_DATABASE_URL", url,
                "VENTANILLA_DATABASE_USER", TestServices.postgresUser()), clock);
        node.server().start().await();
        node.server().vertx().eventBus().<JsonObject>consumer(OverflowHandler.HANDLED, m -> handled.add(m.body()));
        node.server().vertx().eventBus().<JsonObject>consumer(RoutingAddresses.EVENTS, m -> {
            if ("OVERFLOWED".equals(m.body().getString("type"))) {
                overflowed.add(m.body());
            }
        });
    }

    @AfterEach
    void stopNode() throws Exception {
        node.server().stop().await(30, TimeUnit.SECONDS);
    }

    @Test
    void aChatThatWaitsTheGeneralQueuesMaximumBecomesADeferredCaseOnTheTeamsWorkList() {
        IntakeResult chat = intake(new InboundContact(Channel.CHAT, "chat-sedes-1", clock.instant(), null, null,
                "¿a qué hora abren la sede del centro el sábado?", new InboundContact.ChannelContext(null, "horarios-sedes", null),
                false, List.of()));
        String itemId = chat.interactionId().value();
        awaitWaiting(itemId, "general");
        assertThat(chat.caseNumber()).as("an immediate chat has no radicado of its own").isEmpty();

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        JsonObject listed = awaitHandled(itemId, 1).get(0);
        assertThat(listed.getString("outcome")).isEqualTo("LISTED");
        assertThat(listed.getString("action")).isEqualTo("DEFERRED_CASE");
        String radicado = listed.getString("listId");
        assertThat(radicado).matches("\\d{4}-\\d{7}");
        assertThat(overflowedEvent(itemId).getString("detail")).isEqualTo("DEFERRED_CASE");
        Interaction deferred = node.services().intake().interaction(chat.interactionId()).orElseThrow();
        assertThat(deferred.deferred()).isTrue();
        assertThat(deferred.radicado().map(n -> n.value())).contains(radicado);
        ServiceCase filed = caseOf(radicado);
        assertThat(filed.status()).isEqualTo(CaseStatus.FILED);
        assertThat(filed.categoryCode()).isEqualTo("horarios-sedes");
        assertThat(filed.owningTeam()).isEqualTo("atencion-ciudadano");
        assertThat(filed.history().get(0).note()).contains("general");
        JsonObject entry = workListEntry("atencion-ciudadano", radicado);
        assertThat(entry.getString("category")).isEqualTo("horarios-sedes");
        assertThat(Instant.parse(entry.getString("dueAt")))
                .isEqualTo(filed.dueDate().plusDays(1).atStartOfDay(BOGOTA).toInstant());
        assertNotInRouting(itemId);
    }

    @Test
    void aCallThatWaitsTheTaxQueuesMaximumBecomesACallbackOnTheTeamsWorkList() {
        IntakeResult call = intake(new InboundContact(Channel.VOICE, "1732550400.77", clock.instant(),
                new InboundContact.CitizenHints(null, null, "300 555 0101", null, null, null), null, "",
                new InboundContact.ChannelContext("2", null, null), false, List.of()));
        String itemId = call.interactionId().value();
        awaitWaiting(itemId, "impuestos");

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        JsonObject listed = awaitHandled(itemId, 1).get(0);
        assertThat(listed.getString("outcome")).isEqualTo("LISTED");
        assertThat(listed.getString("action")).isEqualTo("CALLBACK");
        assertThat(listed.getString("listId")).isEqualTo("callback:" + itemId);
        assertThat(overflowedEvent(itemId).getString("detail")).isEqualTo("CALLBACK");
        CallbackRequest callback = node.services().callbacks().find(call.interactionId()).orElseThrow();
        assertThat(callback.phone().value()).isEqualTo("+573005550101");
        assertThat(callback.owningTeam()).isEqualTo("hacienda");
        assertThat(callback.categoryCode()).isEqualTo("estado-cuenta-predial");
        assertThat(callback.queue()).isEqualTo("impuestos");
        assertThat(callback.dueAt()).isAfter(callback.requestedAt());
        JsonObject entry = workListEntry("hacienda", "callback:" + itemId);
        assertThat(entry.getString("category")).isEqualTo("estado-cuenta-predial");
        assertThat(Instant.parse(entry.getString("dueAt"))).isEqualTo(callback.dueAt());
        assertThat(node.services().intake().interaction(call.interactionId()).orElseThrow().radicado())
                .as("a call that is called back is not filed as a case too").isEmpty();
        assertNotInRouting(itemId);
    }

    @Test
    void aContactOfTheDamageQueueMovesToTheGeneralQueueAndKeepsItsRadicadoWhenItOverflowsThere() {
        // a deferred chat: intake files it and routing lists its case; the chat channel also queues it for a live agent
        IntakeResult chat = intake(new InboundContact(Channel.CHAT, "chat-poste-1", clock.instant(), null, null,
                "el poste de la esquina de mi casa lleva una semana apagado", new InboundContact.ChannelContext(null,
                        "alumbrado-publico", null), false, List.of()));
        String itemId = chat.interactionId().value();
        String radicado = chat.caseNumber().orElseThrow().value();
        request(RoutingAddresses.ENQUEUE, new JsonObject().put("itemId", itemId).put("queueId", "danos-y-servicios")
                .put("channel", "CHAT").put("category", "alumbrado-publico").put("priority", 5));
        awaitWaiting(itemId, "danos-y-servicios");

        clock.advance(Duration.ofMinutes(4).plusSeconds(1));

        awaitWaiting(itemId, "general");
        assertThat(overflowedEvent(itemId).getString("detail")).isEqualTo("OTHER_QUEUE:general");
        assertThat(handled).as("moving to another queue needs nobody else").isEmpty();

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        JsonObject listed = awaitHandled(itemId, 1).get(0);
        assertThat(listed.getString("listId")).as("the radicado intake gave it").isEqualTo(radicado);
        assertThat(casesOfInteraction("servicios-publicos", itemId)).containsExactly(radicado);
        assertThat(workList("servicios-publicos").stream().filter(e -> radicado.equals(e.getString("caseId")))).hasSize(1);
        assertNotInRouting(itemId);
    }

    @Test
    void anOverflowDeliveredAgainEvenAtTheSameMomentFilesNothingTwice() {
        // every OVERFLOWED event is published twice more at once, as a duplicating transport would
        node.server().vertx().eventBus().<JsonObject>consumer(RoutingAddresses.EVENTS, m -> {
            if ("OVERFLOWED".equals(m.body().getString("type")) && !m.body().containsKey("copy")) {
                node.server().vertx().eventBus().publish(RoutingAddresses.EVENTS, m.body().copy().put("copy", 1));
                node.server().vertx().eventBus().publish(RoutingAddresses.EVENTS, m.body().copy().put("copy", 2));
            }
        });
        IntakeResult chat = intake(new InboundContact(Channel.CHAT, "chat-duplicado-1", clock.instant(), null, null,
                "¿dónde queda la oficina de atención al ciudadano?", new InboundContact.ChannelContext(null, "horarios-sedes", null),
                false, List.of()));
        IntakeResult call = intake(new InboundContact(Channel.VOICE, "1732550400.78", clock.instant(),
                new InboundContact.CitizenHints(null, null, "+57 301 555 0199", null, null, null), null, "",
                new InboundContact.ChannelContext("2", null, null), false, List.of()));
        String chatItem = chat.interactionId().value();
        String callItem = call.interactionId().value();
        awaitWaiting(chatItem, "general");
        awaitWaiting(callItem, "impuestos");

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        List<JsonObject> chatOutcomes = awaitHandled(chatItem, 3);
        List<JsonObject> callOutcomes = awaitHandled(callItem, 3);
        assertThat(chatOutcomes).extracting(o -> o.getString("outcome")).contains("LISTED");
        assertThat(callOutcomes).extracting(o -> o.getString("outcome")).contains("LISTED");
        // and once more, well after the first was listed
        node.server().vertx().eventBus().publish(RoutingAddresses.EVENTS, overflowedEvent(chatItem).copy().put("copy", 3));
        node.server().vertx().eventBus().publish(RoutingAddresses.EVENTS, overflowedEvent(callItem).copy().put("copy", 3));
        assertThat(awaitHandled(chatItem, 4).get(3).getString("outcome")).isEqualTo("NOTHING_TO_DO");
        assertThat(awaitHandled(callItem, 4).get(3).getString("outcome")).isEqualTo("NOTHING_TO_DO");

        String radicado = node.services().intake().interaction(chat.interactionId()).orElseThrow().radicado().orElseThrow().value();
        assertThat(casesOfInteraction("atencion-ciudadano", chatItem)).as("one radicado for the chat").containsExactly(radicado);
        assertThat(workList("atencion-ciudadano").stream().filter(e -> radicado.equals(e.getString("caseId")))).hasSize(1);
        assertThat(node.services().callbacks().find(call.interactionId())).isPresent();
        assertThat(node.services().intake().interaction(call.interactionId()).orElseThrow().radicado())
                .as("the call was not filed as a case besides its callback").isEmpty();
        assertThat(workList("hacienda").stream().filter(e -> e.getString("caseId").endsWith(callItem))).hasSize(1);
    }

    // ---- helpers ----

    private IntakeResult intake(InboundContact contact) {
        return node.services().intake().receive(contact);
    }

    private Object request(String address, JsonObject body) {
        try {
            return node.server().vertx().eventBus().request(address, body).await(10, TimeUnit.SECONDS).body();
        } catch (TimeoutException e) {
            throw new AssertionError("no answer from " + address + " within 10 s", e);
        }
    }

    private void awaitWaiting(String itemId, String queueId) {
        await("work item " + itemId + " waiting in " + queueId).atMost(LIMIT).ignoreExceptions().untilAsserted(() -> {
            JsonObject item = (JsonObject) request(RoutingAddresses.ITEM, new JsonObject().put("itemId", itemId));
            assertThat(item.getString("status")).isEqualTo("WAITING");
            assertThat(item.getString("queueId")).isEqualTo(queueId);
        });
    }

    private List<JsonObject> awaitHandled(String itemId, int count) {
        await("overflow of " + itemId + " dealt with " + count + " time(s)").atMost(LIMIT)
                .until(() -> handled.stream().filter(h -> itemId.equals(h.getString("itemId"))).count() >= count);
        return handled.stream().filter(h -> itemId.equals(h.getString("itemId"))).toList();
    }

    private JsonObject overflowedEvent(String itemId) {
        return await("the OVERFLOWED event of " + itemId).atMost(LIMIT).until(() -> overflowed.stream()
                .filter(e -> itemId.equals(e.getString("itemId")) && !e.containsKey("copy")).findFirst(), found -> found.isPresent())
                .orElseThrow();
    }

    private void assertNotInRouting(String itemId) {
        assertThatThrownBy(() -> request(RoutingAddresses.ITEM, new JsonObject().put("itemId", itemId)))
                .isInstanceOfSatisfying(ReplyException.class, e -> assertThat(e.failureCode()).isEqualTo(404));
    }

    private List<JsonObject> workList(String team) {
        JsonArray list = (JsonArray) request(RoutingAddresses.WORK_LIST, new JsonObject().put("teamId", team));
        return list.stream().map(JsonObject.class::cast).toList();
    }

    private JsonObject workListEntry(String team, String caseId) {
        return workList(team).stream().filter(e -> caseId.equals(e.getString("caseId"))).findFirst()
                .orElseThrow(() -> new AssertionError(caseId + " is not on team " + team + "'s work list: " + workList(team)));
    }

    private ServiceCase caseOf(String radicado) {
        try (RecordStore store = records()) {
            return store.inTransaction(tx -> tx.get(RecordKinds.CASE, radicado)).map(r -> DomainJson.serviceCase(r.json()))
                    .orElseThrow(() -> new AssertionError("no case " + radicado));
        }
    }

    /** The radicados of the team's stored cases that were filed for this interaction. */
    private List<String> casesOfInteraction(String team, String interactionId) {
        try (RecordStore store = records()) {
            return store.inTransaction(tx -> casesOf(tx, team).stream()
                    .filter(c -> c.interactionId().value().equals(interactionId)).map(c -> c.number().value()).toList());
        }
    }

    private static List<ServiceCase> casesOf(RecordTransaction tx, String team) {
        return tx.keysWithPrefix(RecordKinds.CASE_BY_TEAM_DUE, team + ":", 1000).stream()
                .map(k -> tx.get(RecordKinds.CASE, k.id()).map(r -> DomainJson.serviceCase(r.json())).orElseThrow()).toList();
    }

    private RecordStore records() {
        return JdbcRecordStore.create(new JdbcSettings(url, TestServices.postgresUser(), "", 2, Duration.ofSeconds(5)));
    }
}
