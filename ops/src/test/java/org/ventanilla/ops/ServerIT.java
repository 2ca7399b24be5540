package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.ops.health.HealthCheck;
import org.ventanilla.ops.health.HealthChecks;
import org.ventanilla.ops.http.ClientAddress;

/** The real HTTP server on a free port: health, metrics, client addresses behind proxies, error mapping. */
class ServerIT {

    private final FlippableRecordStore records = new FlippableRecordStore();
    private Server server;

    @AfterEach
    void stopServer() throws TimeoutException {
        if (server != null) {
            server.stop().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void healthIsUpAndReadyWhenTheDatabaseIsReachable() {
        start(Server.builder(TestSettings.onFreePort()).healthCheck(HealthChecks.database(records)).healthCheck(HealthChecks.channels(0)));

        HttpResponse<String> response = TestHttp.get(url("/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).as("no clear-text HTTP/2 upgrade").isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonObject health = new JsonObject(response.body());
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getBoolean("live")).isTrue();
        assertThat(health.getBoolean("ready")).isTrue();
        assertThat(health.getJsonObject("checks").getJsonObject("database").getBoolean("up")).isTrue();
        assertThat(health.getJsonObject("checks").getJsonObject("database").getBoolean("critical")).isTrue();
        assertThat(health.getJsonObject("checks").getJsonObject("channels").getBoolean("critical")).isFalse();
        assertThat(health.getJsonObject("checks").containsKey("redis")).isFalse();
        assertThat(TestHttp.get(url("/health/ready")).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnreachableDatabaseMakesTheNodeNotReadyButStillLive() {
        start(Server.builder(TestSettings.onFreePort()).healthCheck(HealthChecks.database(records)));
        records.setReachable(false);

        HttpResponse<String> response = TestHttp.get(url("/health"));

        assertThat(response.statusCode()).isEqualTo(503);
        JsonObject health = new JsonObject(response.body());
        assertThat(health.getString("status")).isEqualTo("DOWN");
        assertThat(health.getBoolean("ready")).isFalse();
        assertThat(health.getBoolean("live")).isTrue();
        assertThat(health.getJsonObject("checks").getJsonObject("database").getBoolean("up")).isFalse();
        assertThat(TestHttp.get(url("/health/ready")).statusCode()).isEqualTo(503);
        assertThat(TestHttp.get(url("/health/live")).statusCode()).isEqualTo(200);
        assertThat(new JsonObject(TestHttp.get(url("/health/live")).body()).getBoolean("live")).isTrue();

        records.setReachable(true);

        assertThat(TestHttp.get(url("/health")).statusCode()).isEqualTo(200);
    }

    @Test
    void aNonCriticalCheckThatIsDownIsReportedWithoutFlippingReadiness() {
        start(Server.builder(TestSettings.onFreePort())
                .healthCheck(HealthChecks.database(records))
                .healthCheck(HealthCheck.informational("channels", Duration.ofSeconds(1),
                        () -> HealthCheck.Result.down("email: IMAP buzon@alcaldia unreachable"))));

        HttpResponse<String> response = TestHttp.get(url("/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject channels = new JsonObject(response.body()).getJsonObject("checks").getJsonObject("channels");
        assertThat(channels.getBoolean("up")).isFalse();
        assertThat(channels.getString("detail")).contains("IMAP");
    }

    @Test
    void aProbeThatHangsCountsAsDownAfterItsTimeout() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        start(Server.builder(TestSettings.onFreePort()).healthCheck(HealthCheck.critical("database", Duration.ofMillis(300), () -> {
            try {
                return never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        })));
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = TestHttp.get(url("/health"));

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(new JsonObject(response.body()).getJsonObject("checks").getJsonObject("database").getString("detail"))
                    .isEqualTo("no answer within 300 ms");
        } finally {
            never.countDown();
        }
    }

    @Test
    void metricsExposeJvmAndVertxMetersInThePrometheusFormat() {
        start(Server.builder(TestSettings.onFreePort()).healthCheck(HealthChecks.database(records)));
        TestHttp.get(url("/health"));

        HttpResponse<String> response = TestHttp.get(url("/metrics"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.body())
                .contains("jvm_memory_used_bytes{")
                .contains("jvm_gc_")
                .contains("jvm_threads_live_threads{")
                .contains("jvm_classes_loaded_classes{")
                .contains("system_cpu_count{")
                .contains("process_uptime_seconds{")
                .contains("vertx_http_server_requests_total{")
                .contains("node=\"prueba-1\"")
                .containsPattern("ventanilla_info\\{.*version=\"");
    }

    @Test
    void theClientAddressIsThePeerWhenNoProxyIsTrusted() {
        start(Server.builder(TestSettings.onFreePort()).routes(ServerIT::whoAmI));

        JsonObject me = new JsonObject(TestHttp.get(url("/quien-soy"), "X-Forwarded-For", "181.49.10.23").body());

        assertThat(me.getString("ip")).isEqualTo("127.0.0.1");
        assertThat(me.getBoolean("forwarded")).isFalse();
    }

    @Test
    void behindATrustedProxyTheClientAddressComesFromXForwardedFor() {
        start(Server.builder(TestSettings.onFreePort("VENTANILLA_HTTP_TRUSTED_PROXIES", "127.0.0.0/8, ::1")).routes(ServerIT::whoAmI));

        JsonObject me = new JsonObject(TestHttp.get(url("/quien-soy"),
                "X-Forwarded-For", "8.8.8.8, 181.49.10.23, 127.0.0.2", "X-Forwarded-Proto", "https").body());

        assertThat(me.getString("ip")).isEqualTo("181.49.10.23");
        assertThat(me.getString("scheme")).isEqualTo("https");
        assertThat(me.getString("peer")).isEqualTo("127.0.0.1");
        assertThat(me.getBoolean("forwarded")).isTrue();
    }

    @Test
    void behindATrustedProxyThatSetsForwardedOnlyThatHeaderCounts() {
        start(Server.builder(TestSettings.onFreePort("VENTANILLA_HTTP_TRUSTED_PROXIES", "127.0.0.1",
                "VENTANILLA_HTTP_FORWARDED_HEADER", "forwarded")).routes(ServerIT::whoAmI));

        JsonObject me = new JsonObject(TestHttp.get(url("/quien-soy"),
                "X-Forwarded-For", "8.8.8.8", "Forwarded", "for=\"[2800:e2:1a00::23]:4711\";proto=https").body());

        assertThat(me.getString("ip")).isEqualTo("2800:e2:1a00:0:0:0:0:23");
        assertThat(me.getString("scheme")).isEqualTo("https");
    }

    @Test
    void failuresAreMappedToStatusAndJsonInOnePlace() {
        start(Server.builder(TestSettings.onFreePort()).routes((vertx, router) -> {
            router.get("/limite").handler(ctx -> {
                throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED, "attachment (12 MiB) exceeds the allowed maximum (10 MiB)");
            });
            router.get("/fallo").handler(ctx -> {
                throw new IllegalStateException("bug with CC 1020304050");
            });
        }));

        HttpResponse<String> limit = TestHttp.get(url("/limite"));
        HttpResponse<String> bug = TestHttp.get(url("/fallo"));

        assertThat(limit.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(limit.body()).getString("error")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(new JsonObject(limit.body()).getString("message")).isEqualTo("attachment (12 MiB) exceeds the allowed maximum (10 MiB)");
        assertThat(bug.statusCode()).isEqualTo(500);
        assertThat(new JsonObject(bug.body())).isEqualTo(new JsonObject().put("error", "INTERNAL").put("message", "internal error"));
    }

    @Test
    void stoppingClosesTheRegisteredResources() throws TimeoutException {
        start(Server.builder(TestSettings.onFreePort()).healthCheck(HealthChecks.database(records)).closeOnStop(records));

        server.stop().await(30, TimeUnit.SECONDS);

        assertThat(records.isClosed()).isTrue();
        assertThat(server.stop().isComplete()).isTrue();
    }

    private static void whoAmI(Vertx vertx, Router router) {
        router.get("/quien-soy").handler(ctx -> {
            ClientAddress address = ClientAddress.of(ctx);
            ctx.json(new JsonObject().put("ip", address.ip()).put("scheme", address.scheme()).put("peer", address.peer())
                    .put("forwarded", address.forwarded()));
        });
    }

    private void start(Server.Builder builder) {
        server = builder.build();
        server.start().await();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }
}
