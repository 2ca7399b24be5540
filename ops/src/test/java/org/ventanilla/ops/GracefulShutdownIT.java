package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.ops.health.HealthChecks;

/**
 * Graceful shutdown of the real server: the test adds a slow route through the same {@link RouteContributor}
 * mechanism the modules use, holds a request in flight, stops the server and watches what happens.
 */
class GracefulShutdownIT {

    private final FlippableRecordStore records = new FlippableRecordStore();
    private final CountDownLatch slowRequestArrived = new CountDownLatch(1);
    private final CompletableFuture<String> releaseSlowRequest = new CompletableFuture<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Server server;

    @AfterEach
    void cleanUp() throws Exception {
        releaseSlowRequest.complete("cleanup");
        if (server != null) {
            server.stop().await(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void anInFlightRequestFinishesWhileNewConnectionsAreRefused() throws Exception {
        start("20");
        CompletableFuture<HttpResponse<String>> inFlight = sendSlowRequest();
        assertThat(slowRequestArrived.await(10, TimeUnit.SECONDS)).isTrue();

        Future<Void> stopped = server.stop();

        await().atMost(Duration.ofSeconds(10)).until(() -> connectionRefused(server.port()));
        assertThat(stopped.isComplete()).as("the stop waits for the request in flight").isFalse();
        assertThat(records.isClosed()).as("stores stay open while requests are in flight").isFalse();

        releaseSlowRequest.complete("radicado ALC-2025-0000042 registrado");

        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("radicado ALC-2025-0000042 registrado");
        stopped.await(20, TimeUnit.SECONDS);
        assertThat(records.isClosed()).isTrue();
    }

    @Test
    void aRequestThatOutlivesTheGracePeriodIsCutAndTheStopCompletes() throws Exception {
        start("1");
        CompletableFuture<HttpResponse<String>> inFlight = sendSlowRequest();
        assertThat(slowRequestArrived.await(10, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();

        server.stop().await(20, TimeUnit.SECONDS);

        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(millis).as("the stop waited for the grace period").isGreaterThanOrEqualTo(900);
        assertThat(records.isClosed()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(inFlight::isDone);
        assertThat(inFlight).isCompletedExceptionally();
        assertThat(causeOf(inFlight)).isInstanceOf(IOException.class);
    }

    private void start(String graceSeconds) {
        server = Server.builder(TestSettings.onFreePort("VENTANILLA_HTTP_SHUTDOWN_GRACE_SECONDS", graceSeconds))
                .healthCheck(HealthChecks.database(records))
                .closeOnStop(records)
                .routes((vertx, router) -> router.get("/lento").handler(ctx -> {
                    Context context = vertx.getOrCreateContext();
                    slowRequestArrived.countDown();
                    Future.fromCompletionStage(releaseSlowRequest, context).onSuccess(body -> ctx.response().end(body));
                }))
                .build();
        server.start().await();
    }

    private CompletableFuture<HttpResponse<String>> sendSlowRequest() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/lento"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean connectionRefused(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Throwable causeOf(CompletableFuture<?> future) {
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }
}
