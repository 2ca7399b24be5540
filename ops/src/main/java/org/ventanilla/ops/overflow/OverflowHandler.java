package org.ventanilla.ops.overflow;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.RoutingAddresses;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.store.RoutingJson;
import org.ventanilla.routing.store.StoredRoutingEvents;

/**
 * Listens to the routing events published on {@link RoutingAddresses#EVENTS} and carries out the overflows that ask
 * for a callback or a deferred case ({@link OverflowActions}, on the worker pool), then puts the result on the owning
 * team's work list through routing's bus api ({@link RoutingAddresses#CASE_ADD}) and publishes what it did on
 * {@link #HANDLED}. A failure that may pass (database or routing unreachable) is tried again a few times with growing
 * pauses; the stored routing history lets {@link #catchUp} finish, at the next start, what a crash interrupted.
 */
public final class OverflowHandler {

    /**
     * Published after each overflow event asking for a callback or a deferred case was dealt with: {@code {itemId,
     * outcome}}, the outcome being {@code LISTED} (then also {@code action: "DEFERRED_CASE" | "CALLBACK", listId,
     * teamId}, {@code listId} being the radicado or {@code callback:<interaction id>}), {@code NOTHING_TO_DO} (listed
     * before: a repeated event; or not a stored contact) or {@code FAILED} (given up after the retries).
     */
    public static final String HANDLED = "ventanilla.overflow.handled";
    /** Pauses before the attempts after the first: 1 s doubling to 32 s, about a minute in all. */
    static final List<Duration> RETRY_PAUSES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
            Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32));
    /** How long routing has to take a work-list entry. */
    static final Duration ROUTING_TIMEOUT = Duration.ofSeconds(10);
    /** How far back {@link #catchUp} reads the stored routing events. */
    public static final Duration CATCH_UP_WINDOW = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(OverflowHandler.class);

    private final Vertx vertx;
    private final OverflowActions actions;
    private final MessageConsumer<Object> consumer;

    private OverflowHandler(Vertx vertx, OverflowActions actions) {
        this.vertx = vertx;
        this.actions = actions;
        this.consumer = vertx.eventBus().consumer(RoutingAddresses.EVENTS, message -> {
            if (message.body() instanceof JsonObject json
                    && RoutingEventType.OVERFLOWED.name().equals(json.getValue("type"))) {
                received(json);
            }
        });
    }

    /** Starts listening on {@code vertx}'s event bus; the consumer is registered when the returned handler is. */
    public static OverflowHandler install(Vertx vertx, OverflowActions actions) {
        return new OverflowHandler(Objects.requireNonNull(vertx, "vertx"), Objects.requireNonNull(actions, "actions"));
    }

    /** Completes when the consumer is registered on the event bus. */
    public Future<Void> ready() {
        return consumer.completion();
    }

    /** Stops listening. */
    public Future<Void> close() {
        return consumer.unregister();
    }

    private void received(JsonObject json) {
        RoutingEvent event;
        try {
            event = RoutingJson.routingEvent(json);
        } catch (RuntimeException e) {
            LOG.warn("ignored a malformed overflow event on {}: {}", RoutingAddresses.EVENTS, e.getMessage());
            return;
        }
        if (OverflowActions.concerns(event)) {
            handle(event);
        }
    }

    /**
     * Carries out one overflow, trying again after a failure that may pass; completes with the listing made, or empty
     * when there was nothing to do (not such an event, listed before, not a stored contact).
     */
    public Future<Optional<OverflowActions.Listing>> handle(RoutingEvent event) {
        return attempt(event, 0);
    }

    private Future<Optional<OverflowActions.Listing>> attempt(RoutingEvent event, int retries) {
        return once(event).recover(e -> {
            if (!passing(e) || retries >= RETRY_PAUSES.size()) {
                LOG.error("overflow of work item {} (queue '{}', {}) could not be carried out after {} attempt(s): {}", event.itemId(),
                        event.queueId(), event.detail(), retries + 1, e.getMessage());
                vertx.eventBus().publish(HANDLED, new JsonObject().put("itemId", event.itemId()).put("outcome", "FAILED"));
                return Future.failedFuture(e);
            }
            LOG.warn("overflow of work item {} not carried out yet ({}); trying again in {} s", event.itemId(), e.getMessage(),
                    RETRY_PAUSES.get(retries).toSeconds());
            return vertx.timer(RETRY_PAUSES.get(retries).toMillis()).compose(ignored -> attempt(event, retries + 1));
        });
    }

    private Future<Optional<OverflowActions.Listing>> once(RoutingEvent event) {
        return vertx.executeBlocking(() -> actions.prepare(event), false).compose(listing -> {
            if (listing.isEmpty()) {
                vertx.eventBus().publish(HANDLED, new JsonObject().put("itemId", event.itemId()).put("outcome", "NOTHING_TO_DO"));
                return Future.succeededFuture(listing);
            }
            OverflowActions.Listing made = listing.get();
            return vertx.eventBus().request(RoutingAddresses.CASE_ADD, RoutingJson.toJson(made.entry()),
                            new DeliveryOptions().setSendTimeout(ROUTING_TIMEOUT.toMillis()))
                    .compose(reply -> vertx.executeBlocking(() -> {
                        actions.listed(made);
                        return listing;
                    }, false))
                    .onSuccess(done -> {
                        LOG.info("overflowed work item {} of queue '{}' is on team {}'s work list as {} ({})", made.itemId(),
                                event.queueId(), made.entry().teamId(), made.entry().caseId(), made.kind());
                        vertx.eventBus().publish(HANDLED, new JsonObject().put("itemId", made.itemId()).put("outcome", "LISTED")
                                .put("action", made.kind().name()).put("listId", made.entry().caseId())
                                .put("teamId", made.entry().teamId()));
                    });
        });
    }

    /** Whether trying again may succeed: the database or routing did not answer, rather than refused. */
    private static boolean passing(Throwable e) {
        if (e instanceof VentanillaException v) {
            return v.code() == ErrorCode.UNAVAILABLE || v.code() == ErrorCode.CONFLICT;
        }
        if (e instanceof ReplyException reply) {
            return reply.failureType() != ReplyFailure.RECIPIENT_FAILURE || reply.failureCode() >= 500;
        }
        return false;
    }

    /**
     * Carries out the overflows stored in {@code history} in [{@code from}, {@code to}) that are not on a work list yet:
     * those a crash or a long outage interrupted. Blocking (it reads the history): call it off the event loop; each
     * overflow found is then handled as if it had just been published.
     *
     * @return how many overflows were found not listed and handed over
     */
    public int catchUp(StoredRoutingEvents history, Instant from, Instant to) {
        int handed = 0;
        for (RoutingEvent event : history.between(from, to, Integer.MAX_VALUE)) {
            if (OverflowActions.concerns(event) && !actions.isListed(event.itemId())) {
                handle(event);
                handed++;
            }
        }
        if (handed > 0) {
            LOG.info("{} overflow(s) stored since {} were not on a work list yet; carrying them out", handed, from);
        }
        return handed;
    }
}
