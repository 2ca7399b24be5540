package org.ventanilla.channels.chat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * One WebSocket of the chat (a citizen's or an agent's): decodes frames, applies the rate limits and the idle
 * timeout, runs the blocking work of its frames one after the other (so that a sender's messages keep their
 * order), and answers every failure with an error frame instead of closing or crashing.
 */
abstract class ChatConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ChatConnection.class);

    /** Close code sent when a connection was idle too long. */
    static final short CLOSE_IDLE = 4000;

    final ChatEngine engine;
    final ServerWebSocket ws;
    final Context context;
    final String clientAddress;
    final String sessionKey = SessionTokens.newId();
    private final FrameCodec codec;
    private Future<?> tail = Future.succeededFuture();
    private long idleTimer = -1;
    private boolean closed;

    ChatConnection(ChatEngine engine, ServerWebSocket ws, Context context, String clientAddress, FrameCodec codec) {
        this.engine = engine;
        this.ws = ws;
        this.context = context;
        this.clientAddress = clientAddress;
        this.codec = codec;
    }

    /** Wires the socket's handlers. Call once, on the socket's context. */
    void start() {
        ws.textMessageHandler(this::onText);
        ws.binaryMessageHandler(b -> send(FrameCodec.error(ErrorCode.INVALID_INPUT, "binary frames are not accepted", null)));
        ws.exceptionHandler(e -> LOG.debug("chat socket failed: {}", e.getMessage()));
        ws.closeHandler(v -> {
            closed = true;
            cancelIdle();
            onClosed();
        });
        armIdle();
    }

    FrameCodec codec() {
        return codec;
    }

    private void onText(String text) {
        armIdle();
        JsonObject frame;
        try {
            frame = codec.decode(text);
        } catch (VentanillaException e) {
            send(FrameCodec.error(e.code(), e.getMessage(), null));
            return;
        }
        String ref = frame.getValue("cid") instanceof String s ? s : null;
        if (!engine.sessionLimiter.tryAcquire(sessionKey)) {
            send(FrameCodec.error(ErrorCode.LIMIT_EXCEEDED, "frame rate of this session exceeds the allowed maximum ("
                    + engine.options.getSessionRate() + " per second)", ref));
            return;
        }
        if (!engine.addressLimiter.tryAcquire(clientAddress)) {
            send(FrameCodec.error(ErrorCode.LIMIT_EXCEEDED, "frame rate of this client address exceeds the allowed maximum ("
                    + engine.options.getAddressRate() + " per second)", ref));
            return;
        }
        try {
            handle(frame).onFailure(e -> fail(e, ref));
        } catch (RuntimeException e) {
            fail(e, ref);
        }
    }

    /** Handles one decoded frame; a failed future becomes an error frame. */
    abstract Future<?> handle(JsonObject frame);

    /** The socket closed (by either side). */
    abstract void onClosed();

    /** Runs blocking work after the work of the frames before it; completes on this connection's context. */
    <T> Future<T> serial(Callable<T> work) {
        Future<T> next = tail.transform(ignored -> engine.blocking(work));
        tail = next;
        return next;
    }

    void fail(Throwable e, String ref) {
        if (e instanceof VentanillaException ve) {
            send(FrameCodec.error(ve.code(), ve.getMessage(), ref));
        } else {
            LOG.error("chat frame failed", e);
            send(FrameCodec.error(ErrorCode.INTERNAL, "the frame could not be handled; try again", ref));
        }
    }

    /** Sends a frame; safe from any thread. */
    void send(JsonObject frame) {
        if (Context.isOnEventLoopThread() && Vertx.currentContext() == context) {
            write(frame);
        } else {
            context.runOnContext(v -> write(frame));
        }
    }

    private void write(JsonObject frame) {
        if (!closed) {
            ws.writeTextMessage(frame.encode()).onFailure(e -> LOG.debug("chat frame not written: {}", e.getMessage()));
        }
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        context.runOnContext(v -> {
            if (!closed) {
                ws.close();
            }
        });
    }

    private void armIdle() {
        cancelIdle();
        if (!closed) {
            idleTimer = engine.vertx.setTimer(engine.options.getIdleTimeout().toMillis(), id -> {
                idleTimer = -1;
                if (!closed) {
                    ws.close(CLOSE_IDLE, "idle");
                }
            });
        }
    }

    private void cancelIdle() {
        if (idleTimer >= 0) {
            engine.vertx.cancelTimer(idleTimer);
            idleTimer = -1;
        }
    }
}
