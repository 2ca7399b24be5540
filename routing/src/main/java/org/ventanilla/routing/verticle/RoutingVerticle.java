package org.ventanilla.routing.verticle;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.RoutingAddresses;
import org.ventanilla.routing.store.RoutingJson;

/**
 * Puts routing on the event bus: one consumer per operation of {@link RoutingOperations} at its
 * {@link RoutingAddresses} address, one for {@link RoutingAddresses#REQUEST} (the operation named in the body's
 * {@code op} field), one for intake's events at {@link RoutingAddresses#INTAKE_EVENTS}, and a periodic timer running
 * the engine's timers. Events and offers reach the bus through {@link BusEventSink}, which the wiring gives the engine.
 *
 * <p>Threads: with {@link Options#engineBlocks()} the engine runs on the worker pool through
 * {@code executeBlocking(work, ordered=false)}: the Redis live state blocks on the network, and the engine serialises
 * itself with its own lock, so ordering by Vert.x would only add a second queue in front of that lock. The in-memory
 * engine holds its lock for microseconds and runs on the event loop, saving two thread hops per request. History
 * queries (database reads) always run on the worker pool.
 *
 * <p>A malformed message (not a JSON object, a missing field, a wrong type, an unknown operation) and every refusal of
 * the engine is answered with {@code message.fail(RoutingAddresses.failureCode(code), message)}; nothing escapes a
 * handler.
 */
public final class RoutingVerticle extends VerticleBase {

    /** How often the engine's timers run by default. */
    public static final Duration DEFAULT_TICK = Duration.ofMillis(200);
    /** How often a restore that failed at start (database down) is tried again. */
    public static final Duration RESTORE_RETRY = Duration.ofSeconds(5);
    /** How often idle agents of this node look for work queued by other nodes (shared live state only). */
    public static final Duration PULL_EVERY = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(RoutingVerticle.class);

    private final RoutingService service;
    private final IntakeEvents intake;
    private final Options options;
    private final AtomicBoolean ticking = new AtomicBoolean();
    private RoutingOperations operations;
    private long timerId = -1;
    private long pullTimerId = -1;

    /**
     * How the verticle runs the engine.
     *
     * @param engineBlocks   true when the live state blocks (Redis): engine calls go to the worker pool
     * @param tick           how often the timers run
     * @param restoreAtStart re-queue the work stored in the database before taking requests
     */
    public record Options(boolean engineBlocks, Duration tick, boolean restoreAtStart) {
        public Options {
            if (tick == null || tick.toMillis() < 1) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "routing tick interval (" + tick + ") must be at least 1 ms");
            }
        }
    }

    public RoutingVerticle(RoutingService service, IntakeEvents intake, Options options) {
        this.service = Objects.requireNonNull(service, "service");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The service behind this verticle, for the ops health check ({@link RoutingService#isHealthy()}). */
    public RoutingService service() {
        return service;
    }

    @Override
    public Future<?> start() {
        operations = new RoutingOperations(service);
        Future<?> restored = options.restoreAtStart()
                ? vertx.executeBlocking(service::restore, false).recover(e -> {
                    // The database is down at start: routing starts empty, ready for new work, and keeps trying.
                    LOG.warn("routing restore failed at start ({}); retrying every {} s", e.getMessage(), RESTORE_RETRY.toSeconds());
                    vertx.setTimer(RESTORE_RETRY.toMillis(), id -> restoreLater());
                    return Future.succeededFuture();
                })
                : Future.succeededFuture();
        return restored.compose(ignored -> {
            List<Future<Void>> registered = new ArrayList<>();
            for (String address : operations.addresses()) {
                registered.add(consumer(address, message -> handle(address, message)));
            }
            registered.add(consumer(RoutingAddresses.REQUEST, this::handleRequest));
            registered.add(consumer(RoutingAddresses.INTAKE_EVENTS, this::handleIntake));
            timerId = vertx.setPeriodic(options.tick().toMillis(), id -> tick());
            if (options.engineBlocks()) {
                // Shared live state: work another node queued triggers nothing here, so idle agents pull now and then.
                pullTimerId = vertx.setPeriodic(PULL_EVERY.toMillis(), id -> vertx.executeBlocking(() -> {
                    service.engine().pullWork();
                    return null;
                }, false).onFailure(e -> LOG.debug("pulling work for idle agents failed: {}", e.getMessage())));
            }
            return Future.all(registered);
        });
    }

    private void restoreLater() {
        vertx.executeBlocking(service::restore, false).onComplete(done -> {
            if (done.succeeded()) {
                LOG.info("routing restored after a failed start-up restore");
            } else {
                vertx.setTimer(RESTORE_RETRY.toMillis(), id -> restoreLater());
            }
        });
    }

    @Override
    public Future<?> stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        if (pullTimerId >= 0) {
            vertx.cancelTimer(pullTimerId);
        }
        return Future.succeededFuture();
    }

    private Future<Void> consumer(String address, io.vertx.core.Handler<Message<Object>> handler) {
        MessageConsumer<Object> consumer = vertx.eventBus().consumer(address, handler);
        return consumer.completion();
    }

    private void handleRequest(Message<Object> message) {
        String address;
        try {
            address = operations.addressOfRequest(RoutingJson.body(message.body()));
        } catch (RuntimeException e) {
            fail(message, "request", e);
            return;
        }
        handle(address, message);
    }

    private void handle(String address, Message<Object> message) {
        JsonObject request;
        try {
            request = message.body() == null && RoutingOperations.acceptsEmptyBody(address) ? new JsonObject()
                    : RoutingJson.body(message.body());
        } catch (RuntimeException e) {
            fail(message, address, e);
            return;
        }
        boolean blocking = options.engineBlocks() || address.equals(RoutingAddresses.HISTORY);
        run(blocking, () -> operations.handle(address, request)).onComplete(done -> {
            if (done.succeeded()) {
                message.reply(done.result());
            } else {
                fail(message, address, done.cause());
            }
        });
    }

    /** Replies once the engine took the event and the history holds its request, so the outbox may mark it published. */
    private void handleIntake(Message<Object> message) {
        JsonObject event;
        try {
            event = RoutingJson.body(message.body());
        } catch (RuntimeException e) {
            fail(message, RoutingAddresses.INTAKE_EVENTS, e);
            return;
        }
        run(options.engineBlocks(), () -> intake.receive(event))
                .compose(reply -> service.history()
                        .map(history -> Future.fromCompletionStage(history.flush(), context).map(reply))
                        .orElse(Future.succeededFuture(reply)))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        message.reply(done.result());
                    } else {
                        fail(message, RoutingAddresses.INTAKE_EVENTS, done.cause());
                    }
                });
    }

    private void tick() {
        if (!ticking.compareAndSet(false, true)) {
            return;
        }
        run(options.engineBlocks(), service::tick)
                .compose(cameBack -> cameBack ? vertx.executeBlocking(service::restore, false) : Future.succeededFuture())
                .onComplete(done -> {
                    ticking.set(false);
                    if (done.failed()) {
                        LOG.error("routing timers failed", done.cause());
                    }
                });
    }

    private <T> Future<T> run(boolean blocking, Callable<T> work) {
        if (blocking) {
            return vertx.executeBlocking(work, false);
        }
        try {
            return Future.succeededFuture(work.call());
        } catch (Exception e) {
            return Future.failedFuture(e);
        }
    }

    private void fail(Message<Object> message, String address, Throwable cause) {
        if (cause instanceof VentanillaException refused) {
            service.noteFailure(refused);
            message.fail(RoutingAddresses.failureCode(refused.code()), refused.getMessage());
            return;
        }
        LOG.error("routing operation '{}' failed unexpectedly", RoutingAddresses.operationOf(address), cause);
        message.fail(RoutingAddresses.failureCode(ErrorCode.INTERNAL),
                "internal error in routing operation '" + RoutingAddresses.operationOf(address) + "'");
    }
}
