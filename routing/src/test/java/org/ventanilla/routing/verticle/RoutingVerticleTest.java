package org.ventanilla.routing.verticle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.RoutingAddresses;
import org.ventanilla.routing.engine.RoutingEngine;
import org.ventanilla.routing.engine.RoutingSettings;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.state.MemoryLiveState;
import org.ventanilla.routing.store.StoredRoutingEvents;

/** Routing through a real event bus, with the history on H2. */
class RoutingVerticleTest {

    private static final String AGENT = "valentina.munoz";

    @TempDir
    Path dir;

    private Vertx vertx;
    private RecordStore store;
    private StoredRoutingEvents history;
    private RoutingService service;
    private MemoryLiveState liveState;
    private final AtomicBoolean liveStateUp = new AtomicBoolean(true);
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final List<JsonObject> offers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        store = JdbcRecordStore.create(JdbcSettings.h2File(dir));
        deploy(false);
        vertx.eventBus().<JsonObject>consumer(RoutingAddresses.EVENTS, m -> events.add(m.body()));
        vertx.eventBus().<JsonObject>consumer(RoutingAddresses.offersFor(AGENT), m -> offers.add(m.body()));
    }

    private void deploy(boolean engineBlocks) {
        history = StoredRoutingEvents.create(store, "nodo-1");
        RoutingSettings settings = RoutingSettings.DEFAULTS.withWrapUp(Channel.CHAT, Duration.ofMinutes(5));
        liveState = new MemoryLiveState();
        RoutingEngine engine = RoutingEngine.create(settings, liveState,
                BusEventSink.create(vertx.eventBus(), history), Clock.systemUTC());
        service = RoutingService.create(engine, history, Clock.systemUTC(), liveStateUp::get);
        service.defineQueue(QueueSpec.builder("tramites").build());
        service.defineQueue(QueueSpec.builder("impuestos").build());
        IntakeEvents intake = new IntakeEvents(service, ZoneId.of("America/Bogota"));
        done(vertx.deployVerticle(new RoutingVerticle(service, intake,
                new RoutingVerticle.Options(engineBlocks, Duration.ofMillis(50), true))));
    }

    @AfterEach
    void stop() {
        done(vertx.close());
        history.close();
        store.close();
    }

    @Test
    void anAgentTakesWorkFromEnqueueToWrapUpThroughTheBus() {
        signIn(AGENT, "tramites");
        JsonObject result = request(RoutingAddresses.ENQUEUE, chat("int-1", "tramites"));

        assertThat(result.getString("status")).isEqualTo("OFFERED");
        awaitOffer("int-1");
        assertThat(request(RoutingAddresses.ITEM, new JsonObject().put("itemId", "int-1")).getString("agentId")).isEqualTo(AGENT);
        request(RoutingAddresses.OFFER_REPLY, reply("int-1", true));
        request(RoutingAddresses.COMPLETE, reply("int-1", true));
        request(RoutingAddresses.WRAP_UP_DONE, reply("int-1", true));

        await().atMost(5, TimeUnit.SECONDS).until(() -> types().containsAll(List.of("ENQUEUED", "OFFERED", "ACCEPTED", "COMPLETED",
                "WRAP_UP_ENDED", "STATE_CHANGED")));
        JsonObject metrics = request(RoutingAddresses.QUEUE_METRICS, new JsonObject().put("queueId", "tramites"));
        assertThat(metrics.getLong("answered")).isEqualTo(1);
        JsonArray agents = requestArray(RoutingAddresses.AGENT_METRICS, null);
        assertThat(agents.getJsonObject(0).getString("state")).isEqualTo("AVAILABLE");
        assertThat(agents.getJsonObject(0).getLong("answered")).isEqualTo(1);
    }

    @Test
    void declinesTransfersAbandonsAndCancelsWorkThroughTheBus() {
        signIn(AGENT, "tramites");
        request(RoutingAddresses.ENQUEUE, chat("int-1", "tramites"));
        awaitOffer("int-1");
        request(RoutingAddresses.OFFER_REPLY, reply("int-1", false));
        await().atMost(5, TimeUnit.SECONDS).until(() -> types().contains("DECLINED"));

        request(RoutingAddresses.TRANSFER, new JsonObject().put("itemId", "int-1").put("queueId", "impuestos"));
        JsonArray waiting = requestArray(RoutingAddresses.QUEUE_WAITING, new JsonObject().put("queueId", "impuestos"));
        assertThat(waiting.getJsonObject(0).getString("itemId")).isEqualTo("int-1");

        request(RoutingAddresses.ABANDON, new JsonObject().put("itemId", "int-1"));
        request(RoutingAddresses.AGENT_MEMBERSHIP, new JsonObject().put("agentId", AGENT).put("queues", new JsonArray().add("impuestos")));
        request(RoutingAddresses.AGENT_STATE, new JsonObject().put("agentId", AGENT).put("state", "AWAY").put("reason", "almuerzo"));
        request(RoutingAddresses.ENQUEUE, chat("int-2", "impuestos"));
        request(RoutingAddresses.CANCEL, new JsonObject().put("itemId", "int-2").put("reason", "duplicado"));

        await().atMost(5, TimeUnit.SECONDS).until(() -> types().containsAll(List.of("TRANSFERRED", "ABANDONED", "CANCELLED")));
        JsonObject away = events.stream().filter(e -> "AWAY".equals(e.getString("agentState"))).findFirst().orElseThrow();
        assertThat(away.getString("detail")).isEqualTo("almuerzo");
        assertThat(request(RoutingAddresses.QUEUE_METRICS, new JsonObject().put("queueId", "tramites")).getLong("abandoned"))
                .isZero();
    }

    @Test
    void backOfficeCasesAreAddedClaimedAssignedListedAndClosedThroughTheBus() {
        signIn(AGENT, "tramites");
        signIn("andres.pena", "tramites");
        Instant received = Instant.parse("2025-03-04T14:00:00Z");
        request(RoutingAddresses.CASE_ADD, caseJson("2025-0000101", received, received.plus(Duration.ofDays(21))));
        request(RoutingAddresses.CASE_ADD, caseJson("2025-0000102", received, received.plus(Duration.ofDays(14))));
        request(RoutingAddresses.CASE_CLAIM, new JsonObject().put("caseId", "2025-0000101").put("agentId", AGENT));
        request(RoutingAddresses.CASE_ASSIGN, new JsonObject().put("caseId", "2025-0000102").put("agentId", "andres.pena"));

        JsonArray list = requestArray(RoutingAddresses.WORK_LIST, new JsonObject().put("teamId", "obras"));
        assertThat(list.stream().map(o -> ((JsonObject) o).getString("caseId") + "@" + ((JsonObject) o).getString("assigneeId")))
                .containsExactly("2025-0000102@andres.pena", "2025-0000101@" + AGENT);
        request(RoutingAddresses.CASE_CLOSE, new JsonObject().put("caseId", "2025-0000102"));
        assertThat(requestArray(RoutingAddresses.WORK_LIST, new JsonObject().put("teamId", "obras"))).hasSize(1);
    }

    @Test
    void anyOperationCanBeSentToTheRequestAddressByName() {
        signIn(AGENT, "tramites");
        JsonObject result = request(RoutingAddresses.REQUEST, chat("int-5", "tramites").put("op", "enqueue"));

        assertThat(result.getString("itemId")).isEqualTo("int-5");
        assertThat(failureOf(RoutingAddresses.REQUEST, new JsonObject().put("op", "borrar-todo"))).satisfies(failure -> {
            assertThat(failure.failureCode()).isEqualTo(400);
            assertThat(failure.getMessage()).contains("unknown routing operation");
        });
    }

    @Test
    void malformedMessagesAreAnsweredWithFailureCodesAndRoutingKeepsWorking() {
        signIn(AGENT, "tramites");

        assertThat(failureOf(RoutingAddresses.ENQUEUE, "esto no es JSON").failureCode()).isEqualTo(400);
        assertThat(failureOf(RoutingAddresses.ENQUEUE, 42).failureCode()).isEqualTo(400);
        ReplyException missing = failureOf(RoutingAddresses.ENQUEUE, chat("int-1", "tramites").put("itemId", null));
        assertThat(missing.failureCode()).isEqualTo(400);
        assertThat(missing.getMessage()).isEqualTo("field 'itemId' is missing");
        assertThat(failureOf(RoutingAddresses.ENQUEUE, chat("int-1", "tramites").put("priority", "alta")).getMessage())
                .isEqualTo("field 'priority' must be a whole number");
        assertThat(failureOf(RoutingAddresses.ENQUEUE, chat("int-1", "tramites").put("channel", "fax")).getMessage())
                .startsWith("field 'channel' must be one of");
        ReplyException unknownQueue = failureOf(RoutingAddresses.ENQUEUE, chat("int-1", "no-existe"));
        assertThat(unknownQueue.failureCode()).isEqualTo(404);
        assertThat(unknownQueue.getMessage()).isEqualTo("unknown queue 'no-existe'");
        ReplyException unknownAgent = failureOf(RoutingAddresses.AGENT_STATE,
                new JsonObject().put("agentId", "nadie").put("state", "AVAILABLE"));
        assertThat(unknownAgent.failureCode()).isEqualTo(404);
        assertThat(unknownAgent.getMessage()).isEqualTo("unknown agent 'nadie'");
        assertThat(failureOf(RoutingAddresses.AGENT_STATE, new JsonObject().put("agentId", AGENT).put("state", "BUSY"))
                .failureCode()).isEqualTo(400);
        assertThat(failureOf(RoutingAddresses.OFFER_REPLY, reply("int-9", true)).failureCode()).isEqualTo(404);
        assertThat(failureOf(RoutingAddresses.HISTORY, new JsonObject().put("from", "ayer")).failureCode()).isEqualTo(400);

        JsonObject result = request(RoutingAddresses.ENQUEUE, chat("int-1", "tramites"));
        assertThat(result.getString("status")).isEqualTo("OFFERED");
    }

    @Test
    void anImmediateIntakeEventIsEnqueuedOnceAndOfferedToASignedInAgent() {
        signIn(AGENT, "tramites");
        JsonObject event = new JsonObject().put("interactionId", "0b6f3c1e-8a37-4d5e-9d0a-1f2e3d4c5b6a").put("channel", "chat")
                .put("externalId", "chat-77").put("receivedAt", Instant.now().toString()).put("category", "tramites.licencias")
                .put("queue", "tramites").put("team", "licencias").put("deferred", false).put("emergency", false)
                .put("citizenId", null).put("caseNumber", null).put("dueDate", null);

        JsonObject first = request(RoutingAddresses.INTAKE_EVENTS, event);
        JsonObject again = request(RoutingAddresses.INTAKE_EVENTS, event);

        assertThat(first.getString("action")).isEqualTo("enqueued");
        assertThat(again.getBoolean("duplicate")).isTrue();
        JsonObject offer = awaitOffer("0b6f3c1e-8a37-4d5e-9d0a-1f2e3d4c5b6a");
        assertThat(offer.getString("category")).isEqualTo("tramites.licencias");
        assertThat(offer.getInteger("priority")).isEqualTo(IntakeEvents.DEFAULT_PRIORITY);
        assertThat(offers).hasSize(1);
    }

    @Test
    void aDeferredIntakeEventPutsItsCaseOnTheTeamsWorkList() {
        JsonObject event = new JsonObject().put("interactionId", "c0ffee00-1111-2222-3333-444455556666").put("channel", "email")
                .put("receivedAt", "2025-03-04T14:00:00Z").put("category", "obras.huecos").put("queue", "tramites")
                .put("team", "obras").put("deferred", true).put("emergency", false).put("caseNumber", "2025-0000042")
                .put("dueDate", "2025-03-26");

        request(RoutingAddresses.INTAKE_EVENTS, event);

        JsonObject entry = requestArray(RoutingAddresses.WORK_LIST, new JsonObject().put("teamId", "obras")).getJsonObject(0);
        assertThat(entry.getString("caseId")).isEqualTo("2025-0000042");
        assertThat(entry.getString("dueAt")).isEqualTo("2025-03-27T05:00:00Z");
        assertThat(failureOf(RoutingAddresses.INTAKE_EVENTS, event.copy().put("caseNumber", null)).failureCode()).isEqualTo(400);
    }

    @Test
    void historyIsStoredAndQueriedThroughTheBus() {
        signIn(AGENT, "tramites");
        Instant from = Instant.now().minusSeconds(1);
        request(RoutingAddresses.ENQUEUE, chat("int-1", "tramites"));
        request(RoutingAddresses.OFFER_REPLY, reply("int-1", true));
        done(Future.fromCompletionStage(history.flush()));

        JsonArray ofItem = requestArray(RoutingAddresses.HISTORY, new JsonObject().put("itemId", "int-1"));
        assertThat(ofItem.stream().map(e -> ((JsonObject) e).getString("type"))).containsExactly("ENQUEUED", "OFFERED", "ACCEPTED");
        JsonArray ofAgent = requestArray(RoutingAddresses.HISTORY, new JsonObject().put("agentId", AGENT)
                .put("from", from.toString()).put("to", Instant.now().plusSeconds(1).toString()));
        assertThat(ofAgent.stream().map(e -> ((JsonObject) e).getString("type"))).contains("STATE_CHANGED", "OFFERED", "ACCEPTED");
    }

    @Test
    void waitingWorkIsBackAfterARestartOfTheNode() {
        request(RoutingAddresses.ENQUEUE, chat("int-1", "tramites"));
        request(RoutingAddresses.ENQUEUE, chat("int-2", "tramites"));
        signIn(AGENT, "tramites");
        awaitOffer("int-1");
        done(vertx.close());
        history.close();

        vertx = Vertx.vertx();
        deploy(true);
        JsonArray waiting = requestArray(RoutingAddresses.QUEUE_WAITING, new JsonObject().put("queueId", "tramites"));

        assertThat(waiting.stream().map(e -> ((JsonObject) e).getString("itemId") + ":" + ((JsonObject) e).getString("status")))
                .containsExactly("int-1:WAITING", "int-2:WAITING");
    }

    @Test
    void readinessFollowsTheLiveStateAndStoredWorkIsRequeuedWhenItComesBack() {
        request(RoutingAddresses.ENQUEUE, chat("int-1", "tramites"));
        done(Future.fromCompletionStage(history.flush()));
        assertThat(service.isHealthy()).isTrue();

        liveStateUp.set(false);
        await().atMost(5, TimeUnit.SECONDS).until(() -> !service.isHealthy());
        liveState.remove("int-1", Instant.now());
        liveStateUp.set(true);

        await().atMost(5, TimeUnit.SECONDS).until(service::isHealthy);
        await().atMost(5, TimeUnit.SECONDS).until(() -> service.engine().item("int-1").isPresent());
        assertThat(types()).contains("RESTORED");
    }

    // ---- helpers ----

    private void signIn(String agentId, String queueId) {
        request(RoutingAddresses.AGENT_PROFILE, new JsonObject().put("id", agentId).put("languages", new JsonArray().add("es"))
                .put("queues", new JsonArray().add(queueId)).put("teams", new JsonArray().add("obras"))
                .put("skills", new JsonObject().put("licencias", 5)).put("capacity", new JsonObject().put("CHAT", 2)));
        request(RoutingAddresses.AGENT_STATE, new JsonObject().put("agentId", agentId).put("state", "available"));
    }

    private static JsonObject chat(String itemId, String queueId) {
        return new JsonObject().put("itemId", itemId).put("queueId", queueId).put("channel", "CHAT")
                .put("category", "tramites.licencias").put("language", "es").put("priority", 3);
    }

    private static JsonObject reply(String itemId, boolean accepted) {
        return new JsonObject().put("itemId", itemId).put("agentId", AGENT).put("accepted", accepted);
    }

    private static JsonObject caseJson(String caseId, Instant received, Instant due) {
        return new JsonObject().put("caseId", caseId).put("teamId", "obras").put("category", "obras.huecos")
                .put("receivedAt", received.toString()).put("dueAt", due.toString());
    }

    private JsonObject awaitOffer(String itemId) {
        await().atMost(5, TimeUnit.SECONDS).until(() -> offers.stream().anyMatch(o -> itemId.equals(o.getString("itemId"))));
        return offers.stream().filter(o -> itemId.equals(o.getString("itemId"))).findFirst().orElseThrow();
    }

    private List<String> types() {
        return events.stream().map(e -> e.getString("type")).toList();
    }

    private JsonObject request(String address, Object body) {
        return (JsonObject) done(vertx.eventBus().request(address, body)).body();
    }

    private JsonArray requestArray(String address, Object body) {
        return (JsonArray) done(vertx.eventBus().request(address, body)).body();
    }

    private ReplyException failureOf(String address, Object body) {
        Future<?> answer = vertx.eventBus().request(address, body);
        assertThatThrownBy(() -> done(answer)).hasRootCauseInstanceOf(ReplyException.class);
        return (ReplyException) answer.cause();
    }

    private static <T> T done(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
