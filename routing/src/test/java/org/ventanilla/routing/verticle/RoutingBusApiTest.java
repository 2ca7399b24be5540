package org.ventanilla.routing.verticle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.routing.api.RoutingAddresses;
import org.ventanilla.routing.engine.MutableClock;
import org.ventanilla.routing.engine.RoutingEngine;
import org.ventanilla.routing.engine.RoutingSettings;
import org.ventanilla.routing.model.OverflowAction;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.state.MemoryLiveState;
import org.ventanilla.routing.store.StoredRoutingEvents;

/**
 * Routing's event-bus API where the issue asks more than {@link RoutingVerticleTest} shows: every operation answers a
 * malformed message with a failure code, the overflow and deadline events reach the bus, transfer to an agent,
 * membership changes and sign-out work through it, and the queue and agent metrics carry every figure. The engine's
 * clock is moved by the test; the verticle's own timer runs the engine's timers.
 */
class RoutingBusApiTest {

    private static final Instant NINE = Instant.parse("2025-03-04T14:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NINE, ZoneId.of("America/Bogota"));
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final Map<String, List<JsonObject>> offers = new ConcurrentHashMap<>();
    private Vertx vertx;
    private RecordStore store;
    private StoredRoutingEvents history;
    private RoutingService service;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        store = JdbcRecordStore.create(JdbcSettings.h2File(dir));
        history = StoredRoutingEvents.create(store, "nodo-1");
        RoutingEngine engine = RoutingEngine.create(RoutingSettings.DEFAULTS, new MemoryLiveState(),
                BusEventSink.create(vertx.eventBus(), history), clock);
        service = RoutingService.create(engine, history, clock, () -> true);
        service.defineQueue(QueueSpec.builder("tramites").build());
        service.defineQueue(QueueSpec.builder("impuestos").build());
        service.defineQueue(QueueSpec.builder("licencias").overflowAfter(Duration.ofMinutes(3), OverflowAction.toQueue("tramites"))
                .build());
        service.defineQueue(QueueSpec.builder("movilidad").overflowAfter(Duration.ofMinutes(2), OverflowAction.callback()).build());
        service.defineQueue(QueueSpec.builder("quejas").overflowAfter(Duration.ofMinutes(5), OverflowAction.deferredCase()).build());
        done(vertx.deployVerticle(new RoutingVerticle(service, new IntakeEvents(service, ZoneId.of("America/Bogota")),
                new RoutingVerticle.Options(false, Duration.ofMillis(50), true))));
        vertx.eventBus().<JsonObject>consumer(RoutingAddresses.EVENTS, m -> events.add(m.body()));
    }

    @AfterEach
    void stop() {
        done(vertx.close());
        history.close();
        store.close();
    }

    @Test
    void everyOperationAnswersAMalformedMessageWithAFailureCodeAndRoutingKeepsWorking() {
        List<String> addresses = new ArrayList<>(new RoutingOperations(service).addresses());
        addresses.add(RoutingAddresses.REQUEST);
        addresses.add(RoutingAddresses.INTAKE_EVENTS);
        JsonObject wrongTypes = new JsonObject().put("op", 5).put("itemId", 12).put("queueId", new JsonArray()).put("agentId",
                new JsonObject()).put("channel", 3).put("state", 7).put("accepted", "sí").put("caseId", 1.5).put("teamId", false)
                .put("queues", "tramites").put("teams", 4).put("id", 9).put("from", 1).put("to", 2).put("interactionId", 4)
                .put("category", 1).put("receivedAt", 1).put("dueAt", 2).put("reason", 3).put("skills", "avaluos")
                .put("capacity", 1).put("languages", "es").put("priority", "alta").put("deferred", "no");
        List<Object> bodies = List.of("esto no es JSON", 42, new JsonArray().add("tramites"), Buffer.buffer("{\"itemId\": "),
                wrongTypes);

        List<String> answers = new ArrayList<>();
        for (String address : addresses) {
            List<Object> forThisOne = new ArrayList<>(bodies);
            if (!RoutingOperations.acceptsEmptyBody(address)) {
                forThisOne.add(new JsonObject());
            }
            for (Object body : forThisOne) {
                ReplyException failure = failureOf(address, body);
                answers.add(RoutingAddresses.operationOf(address) + " <- " + describe(body) + ": " + failure.failureCode() + " "
                        + failure.getMessage());
                assertThat(failure.failureType()).as(address + " <- " + describe(body)).isEqualTo(ReplyFailure.RECIPIENT_FAILURE);
                assertThat(failure.failureCode()).as(address + " <- " + describe(body) + ": " + failure.getMessage()).isEqualTo(400);
                assertThat(failure.getMessage()).as(address + " <- " + describe(body))
                        .containsAnyOf("field '", "message body", "unknown routing operation");
            }
        }

        assertThat(answers).hasSizeGreaterThan(addresses.size() * bodies.size());
        signIn("valentina.munoz", "tramites");
        assertThat(request(RoutingAddresses.ENQUEUE, chat("int-1", "tramites")).getString("status")).isEqualTo("OFFERED");
    }

    @Test
    void overflowAndDeadlineEventsArePublishedOnTheBus() {
        request(RoutingAddresses.ENQUEUE, call("llamada-licencias", "licencias"));
        request(RoutingAddresses.ENQUEUE, call("llamada-movilidad", "movilidad"));
        request(RoutingAddresses.ENQUEUE, chat("chat-queja", "quejas"));
        request(RoutingAddresses.CASE_ADD, new JsonObject().put("caseId", "2025-0000101").put("teamId", "obras")
                .put("category", "obras.huecos").put("receivedAt", NINE.toString()).put("dueAt", NINE.plus(Duration.ofMinutes(8))
                        .toString()));

        clock.advance(Duration.ofMinutes(6));

        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(eventsOf("OVERFLOWED"))
                .extracting(e -> e.getString("itemId") + " " + e.getString("queueId") + " " + e.getString("detail"))
                .containsExactlyInAnyOrder("llamada-licencias licencias OTHER_QUEUE:tramites",
                        "llamada-movilidad movilidad CALLBACK", "chat-queja quejas DEFERRED_CASE"));
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(eventsOf("DEADLINE_WARNING"))
                .extracting(e -> e.getString("itemId") + " " + e.getString("queueId"))
                .containsExactly("2025-0000101 obras"));
        assertThat(eventsOf("DEADLINE_OVERDUE")).isEmpty();
        assertThat(eventsOf("OVERFLOWED")).allSatisfy(e -> assertThat(e.getString("channel")).isNotNull());

        clock.advance(Duration.ofMinutes(2));
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(eventsOf("DEADLINE_OVERDUE"))
                .extracting(e -> e.getString("itemId")).containsExactly("2025-0000101"));
        JsonArray waiting = requestArray(RoutingAddresses.QUEUE_WAITING, new JsonObject().put("queueId", "tramites"));
        assertThat(waiting.getJsonObject(0).getString("itemId")).isEqualTo("llamada-licencias");
        JsonObject movilidad = request(RoutingAddresses.QUEUE_METRICS, new JsonObject().put("queueId", "movilidad"));
        assertThat(movilidad.getLong("overflowed")).isEqualTo(1);

        done(Future.fromCompletionStage(history.flush()));
        assertThat(typesInHistory("llamada-movilidad")).containsExactly("ENQUEUED", "OVERFLOWED");
        assertThat(typesInHistory("llamada-licencias")).containsExactly("ENQUEUED", "OVERFLOWED", "ENQUEUED");
        assertThat(typesInHistory("2025-0000101")).containsExactly("CASE_ADDED", "DEADLINE_WARNING", "DEADLINE_OVERDUE");
    }

    private List<String> typesInHistory(String itemId) {
        return requestArray(RoutingAddresses.HISTORY, new JsonObject().put("itemId", itemId)).stream()
                .map(e -> ((JsonObject) e).getString("type")).toList();
    }

    @Test
    void membershipChangesTransferToAnAgentAndSignOutWorkThroughTheBus() {
        signIn("valentina.munoz", "tramites");
        signIn("andres.pena", "impuestos");

        request(RoutingAddresses.AGENT_MEMBERSHIP, new JsonObject().put("agentId", "valentina.munoz")
                .put("queues", new JsonArray().add("impuestos")));
        request(RoutingAddresses.ENQUEUE, chat("int-tramites", "tramites"));
        assertThat(request(RoutingAddresses.ITEM, new JsonObject().put("itemId", "int-tramites")).getString("status"))
                .as("valentina left 'tramites'").isEqualTo("WAITING");
        request(RoutingAddresses.ENQUEUE, chat("int-1", "impuestos"));
        request(RoutingAddresses.ENQUEUE, chat("int-2", "impuestos"));
        String holder = request(RoutingAddresses.ITEM, new JsonObject().put("itemId", "int-1")).getString("agentId");
        String other = holder.equals("valentina.munoz") ? "andres.pena" : "valentina.munoz";
        request(RoutingAddresses.OFFER_REPLY, new JsonObject().put("itemId", "int-1").put("agentId", holder).put("accepted", true));

        request(RoutingAddresses.TRANSFER, new JsonObject().put("itemId", "int-1").put("agentId", other));

        await().atMost(5, TimeUnit.SECONDS).until(() -> offersTo(other).stream().anyMatch(o -> "int-1".equals(o.getString("itemId"))));
        assertThat(request(RoutingAddresses.ITEM, new JsonObject().put("itemId", "int-1")).getString("agentId")).isEqualTo(other);
        request(RoutingAddresses.OFFER_REPLY, new JsonObject().put("itemId", "int-1").put("agentId", other).put("accepted", true));

        ReplyException busy = failureOf(RoutingAddresses.AGENT_STATE, new JsonObject().put("agentId", other).put("state", "offline"));
        assertThat(busy.failureCode()).isEqualTo(409);
        assertThat(busy.getMessage()).isEqualTo("agent '" + other + "' still handles accepted work; complete or transfer it before"
                + " signing out");
        request(RoutingAddresses.AGENT_STATE, new JsonObject().put("agentId", holder).put("state", "offline"));

        await().atMost(5, TimeUnit.SECONDS).until(() -> events.stream().anyMatch(e -> "STATE_CHANGED".equals(e.getString("type"))
                && holder.equals(e.getString("agentId")) && "OFFLINE".equals(e.getString("agentState"))));
        JsonObject signedOut = requestArray(RoutingAddresses.AGENT_METRICS, null).stream().map(JsonObject.class::cast)
                .filter(a -> holder.equals(a.getString("agentId"))).findFirst().orElseThrow();
        assertThat(signedOut.getString("state")).isEqualTo("OFFLINE");
        assertThat(eventsOf("TRANSFERRED")).extracting(e -> e.getString("detail")).containsExactly("agent:" + other);
    }

    @Test
    void queueAndAgentMetricsThroughTheBusCarryEveryFigure() {
        request(RoutingAddresses.ENQUEUE, chat("int-1", "tramites"));
        request(RoutingAddresses.ENQUEUE, chat("int-2", "tramites"));
        clock.advance(Duration.ofSeconds(30));
        request(RoutingAddresses.AGENT_PROFILE, profile("valentina.munoz", "tramites", 1));
        request(RoutingAddresses.AGENT_STATE, new JsonObject().put("agentId", "valentina.munoz").put("state", "available"));
        request(RoutingAddresses.OFFER_REPLY, new JsonObject().put("itemId", "int-1").put("agentId", "valentina.munoz")
                .put("accepted", true));
        clock.advance(Duration.ofSeconds(10));

        JsonObject before = request(RoutingAddresses.QUEUE_METRICS, new JsonObject().put("queueId", "tramites"));
        assertThat(before.getInteger("waiting")).isEqualTo(1);
        assertThat(before.getLong("longestWaitMs")).isEqualTo(40_000);
        request(RoutingAddresses.ABANDON, new JsonObject().put("itemId", "int-2"));

        JsonObject queue = request(RoutingAddresses.QUEUE_METRICS, new JsonObject().put("queueId", "tramites"));
        assertThat(queue.getInteger("waiting")).isZero();
        assertThat(queue.getLong("longestWaitMs")).isZero();
        assertThat(queue.getLong("entered")).isEqualTo(2);
        assertThat(queue.getLong("answered")).isEqualTo(1);
        assertThat(queue.getLong("answeredWithinTarget")).isEqualTo(1);
        assertThat(queue.getLong("abandoned")).isEqualTo(1);
        assertThat(queue.getDouble("serviceLevelPercent")).isEqualTo(50.0);
        assertThat(queue.getLong("averageSpeedOfAnswerMs")).isEqualTo(30_000);
        JsonArray all = requestArray(RoutingAddresses.QUEUE_METRICS, null);
        assertThat(all.stream().map(q -> ((JsonObject) q).getString("queueId")))
                .contains("tramites", "impuestos", "licencias", "movilidad", "quejas");

        JsonObject agent = request(RoutingAddresses.AGENT_METRICS, new JsonObject().put("agentId", "valentina.munoz"));
        assertThat(agent.getString("state")).isEqualTo("BUSY");
        assertThat(agent.getLong("timeInStateMs")).isEqualTo(10_000);
        assertThat(agent.getLong("answered")).isEqualTo(1);
        assertThat(failureOf(RoutingAddresses.AGENT_METRICS, new JsonObject().put("agentId", "nadie")).failureCode()).isEqualTo(404);
        assertThat(failureOf(RoutingAddresses.QUEUE_METRICS, new JsonObject().put("queueId", "no-existe")).failureCode())
                .isEqualTo(404);
    }

    // ---- helpers ----

    private void signIn(String agentId, String queueId) {
        request(RoutingAddresses.AGENT_PROFILE, profile(agentId, queueId, 2));
        request(RoutingAddresses.AGENT_STATE, new JsonObject().put("agentId", agentId).put("state", "available"));
    }

    private JsonObject profile(String agentId, String queueId, int chats) {
        offers.computeIfAbsent(agentId, id -> {
            List<JsonObject> received = new CopyOnWriteArrayList<>();
            done(vertx.eventBus().<JsonObject>consumer(RoutingAddresses.offersFor(id), m -> received.add(m.body())).completion());
            return received;
        });
        return new JsonObject().put("id", agentId).put("languages", new JsonArray().add("es"))
                .put("queues", new JsonArray().add(queueId)).put("teams", new JsonArray().add("obras"))
                .put("capacity", new JsonObject().put("CHAT", chats).put("VOICE", 1));
    }

    private List<JsonObject> offersTo(String agentId) {
        return offers.getOrDefault(agentId, List.of());
    }

    private List<JsonObject> eventsOf(String type) {
        return events.stream().filter(e -> type.equals(e.getString("type"))).toList();
    }

    private static JsonObject chat(String itemId, String queueId) {
        return new JsonObject().put("itemId", itemId).put("queueId", queueId).put("channel", "CHAT")
                .put("category", "tramites.licencias").put("language", "es").put("priority", 3);
    }

    private static JsonObject call(String itemId, String queueId) {
        return chat(itemId, queueId).put("channel", "VOICE");
    }

    private static String describe(Object body) {
        return body == null ? "null" : body.getClass().getSimpleName() + " " + body;
    }

    private JsonObject request(String address, Object body) {
        return (JsonObject) done(vertx.eventBus().request(address, body)).body();
    }

    private JsonArray requestArray(String address, Object body) {
        return (JsonArray) done(vertx.eventBus().request(address, body)).body();
    }

    private ReplyException failureOf(String address, Object body) {
        Future<?> answer = vertx.eventBus().request(address, body);
        try {
            answer.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).as(address + " <- " + describe(body)).isInstanceOf(ReplyException.class);
            return (ReplyException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new AssertionError(address + " did not answer " + describe(body) + " within 10 s", e);
        }
        throw new AssertionError(address + " accepted " + describe(body));
    }

    private static <T> T done(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
