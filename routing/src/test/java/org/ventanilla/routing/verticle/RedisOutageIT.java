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
import java.time.ZoneId;
import java.util.List;
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
import org.ventanilla.core.testing.RedisServerProcess;
import org.ventanilla.routing.api.RoutingAddresses;
import org.ventanilla.routing.engine.RoutingEngine;
import org.ventanilla.routing.engine.RoutingSettings;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.state.redis.RedisLiveState;
import org.ventanilla.routing.store.StoredRoutingEvents;

/**
 * Redis unavailable, for real: the node's routing runs over the Redis live state of a redis-server the test kills and
 * starts again (empty, as a restarted Redis without persistence is). While it is down, requests fail with a clear
 * UNAVAILABLE (503) naming the server, and readiness is false; when it is back, readiness is true again and the work
 * already stored in the database is queued again and reaches an agent.
 */
class RedisOutageIT {

    @TempDir
    Path dir;

    private RedisServerProcess redis;
    private Vertx vertx;
    private RecordStore store;
    private StoredRoutingEvents history;
    private RedisLiveState live;
    private RoutingService service;
    private final List<JsonObject> offers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        redis = new RedisServerProcess(dir);
        redis.start();
        vertx = Vertx.vertx();
        store = JdbcRecordStore.create(JdbcSettings.h2File(dir));
        history = StoredRoutingEvents.create(store, "nodo-1");
        live = RedisLiveState.create(redis.uri(), "ventanilla:routing:", "nodo-1");
        RoutingEngine engine = RoutingEngine.create(RoutingSettings.DEFAULTS, live, BusEventSink.create(vertx.eventBus(), history),
                Clock.systemUTC());
        service = RoutingService.create(engine, history, Clock.systemUTC(), live::isReachable);
        service.defineQueue(QueueSpec.builder("tramites").build());
        done(vertx.deployVerticle(new RoutingVerticle(service, new IntakeEvents(service, ZoneId.of("America/Bogota")),
                new RoutingVerticle.Options(true, Duration.ofMillis(50), true))));
        vertx.eventBus().<JsonObject>consumer(RoutingAddresses.offersFor("valentina.munoz"), m -> offers.add(m.body()));
    }

    @AfterEach
    void stop() {
        done(vertx.close());
        live.close();
        history.close();
        store.close();
        redis.close();
    }

    @Test
    void whileRedisIsDownRequestsFailClearlyAndReadinessIsFalseAndStoredWorkIsQueuedAgainWhenItComesBack() {
        assertThat(request(RoutingAddresses.ENQUEUE, chat("int-1")).getString("status")).isEqualTo("WAITING");
        done(Future.fromCompletionStage(history.flush()));
        assertThat(service.isHealthy()).isTrue();

        redis.kill();

        await("readiness false").atMost(Duration.ofSeconds(30)).until(() -> !service.isHealthy());
        ReplyException refused = failureOf(RoutingAddresses.ENQUEUE, chat("int-2"));
        assertThat(refused.failureCode()).isEqualTo(503);
        assertThat(refused.getMessage()).contains("127.0.0.1:" + redis.port()).contains("unreachable");
        assertThat(service.isHealthy()).isFalse();

        redis.start();

        await("readiness true again").atMost(Duration.ofSeconds(60)).until(service::isHealthy);
        await("the stored item is queued again in the new Redis").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> live.item("int-1").isPresent());
        JsonArray waiting = requestArray(RoutingAddresses.QUEUE_WAITING, new JsonObject().put("queueId", "tramites"));
        assertThat(waiting.stream().map(e -> ((JsonObject) e).getString("itemId"))).containsExactly("int-1");

        request(RoutingAddresses.AGENT_PROFILE, new JsonObject().put("id", "valentina.munoz").put("languages", new JsonArray().add("es"))
                .put("queues", new JsonArray().add("tramites")).put("capacity", new JsonObject().put("CHAT", 2)));
        request(RoutingAddresses.AGENT_STATE, new JsonObject().put("agentId", "valentina.munoz").put("state", "available"));
        await("the re-queued item reaches an agent").atMost(Duration.ofSeconds(30))
                .until(() -> offers.stream().anyMatch(o -> "int-1".equals(o.getString("itemId"))));
    }

    private static JsonObject chat(String itemId) {
        return new JsonObject().put("itemId", itemId).put("queueId", "tramites").put("channel", "CHAT")
                .put("category", "tramites.licencias").put("language", "es").put("priority", 3);
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
            return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
