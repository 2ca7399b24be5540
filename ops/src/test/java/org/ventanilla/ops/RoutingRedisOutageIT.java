package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    private final int port = freePort();
    private Process redis;
    private Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop().await(30, TimeUnit.SECONDS);
        }
        killRedis();
    }

    @Test
    void readinessFollowsRedisWhileTheNodeRunsAndRoutingRefusesWorkClearlyMeanwhile() throws Exception {
        startRedis();
        server = Wiring.server(TestSettings.onFreePort("VENTANILLA_STATE_KIND", "redis",
                "VENTANILLA_REDIS_URI", "redis://127.0.0.1:" + port), Clock.systemUTC());
        server.start().await();
        await("ready").atMost(Duration.ofSeconds(30)).until(() -> health().statusCode() == 200);
        assertThat(checks().getJsonObject("routing").getBoolean("up")).isTrue();

        killRedis();

        await("not ready while Redis is down").atMost(Duration.ofSeconds(30)).until(() -> health().statusCode() == 503);
        JsonObject down = checks();
        assertThat(down.getJsonObject("routing").getBoolean("up")).isFalse();
        assertThat(new JsonObject(health().body()).getBoolean("live")).isTrue();
        assertThatThrownBy(() -> server.vertx().eventBus().request(RoutingAddresses.ENQUEUE, new JsonObject()
                .put("itemId", "correo-1").put("queueId", "impuestos").put("channel", "EMAIL").put("category", "impuestos.predial")
                .put("priority", 3)).await(20, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(ReplyException.class, e -> {
                    assertThat(e.failureCode()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("127.0.0.1:" + port);
                });

        startRedis();

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

    private void startRedis() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()));
        redis = builder.start();
        await("redis-server on port " + port + " answers PING").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(this::answersPing);
    }

    private void killRedis() throws InterruptedException {
        if (redis != null) {
            redis.destroyForcibly();
            redis.waitFor(30, TimeUnit.SECONDS);
            redis = null;
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[7];
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
