package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.testing.TestServices;

/** Wiring with the real adapters: H2 in a file, the local PostgreSQL and Redis, and unreachable ones. */
class WiringIT {

    @TempDir
    Path dir;

    private Server server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.stop().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anH2FileDatabaseIsReadyAndItsFileIsCreated() {
        start("VENTANILLA_DATABASE_KIND", "h2", "VENTANILLA_DATABASE_URL", "jdbc:h2:file:" + dir.resolve("ventanilla"));

        JsonObject health = health(200);

        assertThat(health.getJsonObject("checks").getJsonObject("database").getBoolean("up")).isTrue();
        assertThat(dir.resolve("ventanilla.mv.db")).exists();
    }

    @Test
    void postgresIsReadyThroughTheRecordsPort() {
        start("VENTANILLA_DATABASE_KIND", "postgres",
                "VENTANILLA_DATABASE_URL", TestServices.postgresUrlWithFreshSchema(),
                "VENTANILLA_DATABASE_USER", TestServices.postgresUser());

        assertThat(health(200).getJsonObject("checks").getJsonObject("database").getBoolean("up")).isTrue();
    }

    @Test
    void anUnreachablePostgresLeavesTheNodeUpButNotReady() {
        start("VENTANILLA_DATABASE_KIND", "postgres", "VENTANILLA_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/ventanilla",
                "VENTANILLA_DATABASE_PASSWORD", "secreto-de-prueba");

        JsonObject health = health(503);

        assertThat(health.getBoolean("live")).isTrue();
        assertThat(health.getJsonObject("checks").getJsonObject("database").getBoolean("up")).isFalse();
        assertThat(health.encode()).doesNotContain("secreto-de-prueba");
    }

    @Test
    void redisStateAddsACriticalRedisCheck() {
        TestServices.requireRedis();
        start("VENTANILLA_STATE_KIND", "redis", "VENTANILLA_REDIS_URI", TestServices.redisUri());

        JsonObject redis = health(200).getJsonObject("checks").getJsonObject("redis");

        assertThat(redis.getBoolean("up")).isTrue();
        assertThat(redis.getBoolean("critical")).isTrue();
    }

    @Test
    void anUnreachableRedisStopsTheStartWithoutShowingItsPassword() {
        assertThatThrownBy(() -> Wiring.server(TestSettings.onFreePort("VENTANILLA_STATE_KIND", "redis",
                "VENTANILLA_REDIS_URI", "redis://:secreto-de-prueba@127.0.0.1:1"), Clock.systemUTC()))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                .hasMessageContaining("127.0.0.1:1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secreto"));
    }

    private void start(String... overrides) {
        server = Wiring.server(TestSettings.onFreePort(overrides), Clock.systemUTC());
        server.start().await();
    }

    private JsonObject health(int expectedStatus) {
        HttpResponse<String> response = TestHttp.get("http://127.0.0.1:" + server.port() + "/health");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return new JsonObject(response.body());
    }
}
