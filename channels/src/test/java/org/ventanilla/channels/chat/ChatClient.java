package org.ventanilla.channels.chat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A real WebSocket client of the chat (citizen or agent) that records every frame it receives. */
final class ChatClient implements AutoCloseable {

    final List<JsonObject> frames = new CopyOnWriteArrayList<>();
    final AtomicInteger closeCode = new AtomicInteger(-1);
    private final WebSocketClient client;
    private final WebSocket ws;

    private ChatClient(WebSocketClient client, WebSocket ws) {
        this.client = client;
        this.ws = ws;
        ws.textMessageHandler(t -> frames.add(new JsonObject(t)));
        ws.closeHandler(v -> closeCode.set(ws.closeStatusCode() == null ? 0 : ws.closeStatusCode()));
    }

    static ChatClient connect(Vertx vertx, int port, String uri, String origin) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri);
        if (origin != null) {
            options.addHeader("Origin", origin);
        } else {
            options.setAllowOriginHeader(false);
        }
        WebSocket ws = client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new ChatClient(client, ws);
    }

    void send(JsonObject frame) {
        ws.writeTextMessage(frame.encode());
    }

    void sendRaw(String text) {
        ws.writeTextMessage(text);
    }

    void sendBinary(byte[] bytes) {
        ws.writeBinaryMessage(Buffer.buffer(bytes));
    }

    /** Waits for the first frame (received so far or later) matching, and returns it. */
    JsonObject await(Predicate<JsonObject> match) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> find(match).isPresent());
        return find(match).orElseThrow();
    }

    Optional<JsonObject> find(Predicate<JsonObject> match) {
        return frames.stream().filter(match).findFirst();
    }

    List<JsonObject> all(Predicate<JsonObject> match) {
        return frames.stream().filter(match).toList();
    }

    /** Starts a chat and returns the started frame. */
    JsonObject start(JsonObject fields) {
        send(fields.copy().put("type", "start"));
        return await(f -> "started".equals(f.getString("type")));
    }

    /** Sends a text message. */
    void say(String cid, String text) {
        send(new JsonObject().put("type", "msg").put("cid", cid).put("text", text));
    }

    /** Waits for the stored-message frame with that kind. */
    JsonObject awaitMessage(String kind) {
        return await(f -> "msg".equals(f.getString("type")) && kind.equals(f.getString("kind")));
    }

    /** The stored-message frames received, in order of arrival. */
    List<JsonObject> messages() {
        return all(f -> "msg".equals(f.getString("type")));
    }

    /** The error frames received. */
    List<JsonObject> errors() {
        return all(f -> "error".equals(f.getString("type")));
    }

    boolean isClosed() {
        return closeCode.get() >= 0 || ws.isClosed();
    }

    @Override
    public void close() {
        if (!ws.isClosed()) {
            await(ws.close());
        }
        client.close();
    }

    /** Waits up to 10 seconds for a future, from a test thread. */
    static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
