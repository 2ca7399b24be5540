package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.testing.RedisServerProcess;
import org.ventanilla.routing.api.RoutingAddresses;

/**
 * A node with routing's live state in Redis, and Redis going away while the node runs (a redis-server of the test's
 * own, killed and started again on the same port; the machine's shared Redis is never touched): the node stays live,
 * its readiness ({@code /health}) turns false with the routing check down, routing requests fail with 503, and
 * readiness comes back with Redis.
 */
class RoutingRedisOutageIT {

    @TempDir
    Path dir;

    private RedisServerProcess redis;
    private Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop().await(30, TimeUnit.SECONDS);
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void readinessFollowsRedisWhileTheNodeRunsAndRoutingRefusesWorkClearlyMeanwhile() throws Exception {
        redis = new RedisServerProcess(dir);
        redis.start();
        server = Wiring.server(TestSettings.onFreePort("VENTANILLA_STATE_KIND", "redis",
                "VENTANILLA_REDIS_URI", redis.uri()), Clock.systemUTC());
        server.start().await();
        await("ready").atMost(Duration.ofSeconds(30)).until(() -> health().statusCode() == 200);
        assertThat(checks().getJsonObject("routing").getBoolean("up")).isTrue();

        redis.kill();

        await("not ready while Redis is down").atMost(Duration.ofSeconds(30)).until(() -> health().statusCode() == 503);
        JsonObject down = checks();
        assertThat(down.getJsonObject("routing").getBoolean("up")).isFalse();
        assertThat(new JsonObject(health().body()).getBoolean("live")).isTrue();
        assertThatThrownBy(() -> server.vertx().eventBus().request(RoutingAddresses.ENQUEUE, new JsonObject()
                .put("itemId", "correo-1").put("queueId", "impuestos").put("channel", "EMAIL").put("category", "impuestos.predial")
                .put("priority", 3)).await(20, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(ReplyException.class, e -> {
                    assertThat(e.failureCode()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("127.0.0.1:" + redis.port());
                });

        redis.start();

        await("ready again once Redis is back").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> health().statusCode() == 200);
        assertThat(checks().getJsonObject("routing").getBoolean("up")).isTrue();
    }

    private HttpResponse<String> health() {
        return TestHttp.get("http://127.0.0.1:" + server.port() + "/health");
    }

    private JsonObject checks() {
        return new JsonObject(health().body()).getJsonObject("checks");
    }
}
