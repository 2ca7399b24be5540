package org.ventanilla.routing.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.CaseRequest;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.engine.RoutingEngine;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.model.WorkItem;

/**
 * Rebuilds routing from the database after a restart (or after the live state came back): replays the stored routing
 * events of the last {@link #DEFAULT_LOOKBACK} and re-queues every work item that entered a queue and was not
 * finished (completed, abandoned, cancelled, rejected, overflowed out of routing), keeping its queue and arrival time;
 * offers in flight go back to the queue. Items an agent had accepted but not completed are re-queued as well: on one
 * node the restart broke the agent's session too, and nobody else knows the contact is unanswered. Deferred cases
 * still open go back to their team's work list with their assignee.
 *
 * <p>The attributes the events do not carry (category, skills, language, priority) come from the request kept by
 * {@link StoredRoutingEvents#itemRequested}; an item without one is skipped and counted.
 */
public final class RoutingRestore {

    /** How long a restore waits for the history writer before giving up (and being retried later). */
    public static final Duration FLUSH_WAIT = Duration.ofSeconds(5);

    /** How far back the stored events are read. */
    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(3);

    private static final Logger LOG = LoggerFactory.getLogger(RoutingRestore.class);

    private final StoredRoutingEvents history;
    private final Clock clock;
    private final Duration lookback;

    public RoutingRestore(StoredRoutingEvents history, Clock clock, Duration lookback) {
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lookback = Objects.requireNonNull(lookback, "lookback");
    }

    /** What a restore found and did. */
    public record Result(List<WorkItem> requeued, List<CaseRequest> cases, int skipped) {
    }

    /**
     * Re-queues the unfinished work into {@code engine} (whose queues must be defined; {@code queues} looks them up)
     * and puts the open cases back.
     */
    public Result restore(RoutingEngine engine, Function<String, Optional<QueueSpec>> queues) {
        try {
            history.flush().get(FLUSH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE,
                    "routing history could not be written within " + FLUSH_WAIT.toSeconds() + " s (database unreachable?)");
        } catch (ExecutionException e) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE, "routing history could not be written: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VentanillaException(ErrorCode.UNAVAILABLE, "interrupted while restoring routing", e);
        }
        Instant now = clock.instant();
        Map<String, ItemTrace> items = new LinkedHashMap<>();
        Map<String, CaseTrace> cases = new LinkedHashMap<>();
        for (RoutingEvent event : history.between(now.minus(lookback), now.plusSeconds(1), Integer.MAX_VALUE)) {
            if (event.itemId() == null) {
                continue;
            }
            if (event.type().name().startsWith("CASE_") || event.type().name().startsWith("DEADLINE_")) {
                foldCase(cases, event);
            } else {
                foldItem(items, event);
            }
        }
        List<WorkItem> requeue = new ArrayList<>();
        int skipped = 0;
        for (ItemTrace trace : items.values()) {
            if (!trace.open) {
                continue;
            }
            Optional<QueueSpec> queue = queues.apply(trace.queueId);
            Optional<EnqueueRequest> request = history.itemRequest(trace.itemId);
            if (queue.isEmpty() || request.isEmpty()) {
                LOG.warn("work item '{}' cannot be restored: {}", trace.itemId,
                        queue.isEmpty() ? "queue '" + trace.queueId + "' is not defined" : "its request was not stored");
                skipped++;
                continue;
            }
            EnqueueRequest r = request.get();
            requeue.add(new WorkItem(trace.itemId, trace.queueId, trace.channel, r.category(), r.skills(), r.language(),
                    r.priority(), trace.arrivedAt, queue.get().serviceLevel(trace.channel).target(), null));
        }
        requeue.sort((a, b) -> a.arrivedAt().compareTo(b.arrivedAt()));
        engine.restore(requeue);
        List<CaseRequest> restoredCases = new ArrayList<>();
        for (CaseTrace trace : cases.values()) {
            if (trace.closed) {
                continue;
            }
            Optional<CaseRequest> request = history.caseRequest(trace.caseId);
            if (request.isEmpty()) {
                skipped++;
                continue;
            }
            try {
                engine.addCase(request.get());
                if (trace.assignee != null) {
                    engine.assignCase(trace.caseId, trace.assignee);
                }
                restoredCases.add(request.get());
            } catch (VentanillaException e) {
                LOG.warn("case '{}' could not be put back on its work list: {}", trace.caseId, e.getMessage());
                skipped++;
            }
        }
        LOG.info("routing restored: {} work items re-queued, {} cases back on work lists, {} skipped", requeue.size(),
                restoredCases.size(), skipped);
        return new Result(List.copyOf(requeue), List.copyOf(restoredCases), skipped);
    }

    private static void foldItem(Map<String, ItemTrace> items, RoutingEvent event) {
        ItemTrace trace = items.computeIfAbsent(event.itemId(), ItemTrace::new);
        switch (event.type()) {
            case ENQUEUED:
            case RESTORED:
                trace.open = event.queueId() != null && event.arrivedAt() != null && event.channel() != null;
                trace.queueId = event.queueId();
                trace.arrivedAt = event.arrivedAt();
                trace.channel = event.channel();
                break;
            case COMPLETED:
            case WRAP_UP_ENDED:
            case ABANDONED:
            case CANCELLED:
            case REJECTED:
            case OVERFLOWED:
            case TRANSFERRED:
                trace.open = false;
                break;
            default:
                break;
        }
    }

    private static void foldCase(Map<String, CaseTrace> cases, RoutingEvent event) {
        CaseTrace trace = cases.computeIfAbsent(event.itemId(), CaseTrace::new);
        switch (event.type()) {
            case CASE_ADDED:
                trace.closed = false;
                break;
            case CASE_ASSIGNED:
                trace.assignee = event.agentId();
                break;
            case CASE_CLOSED:
                trace.closed = true;
                break;
            default:
                break;
        }
    }

    /** An item's state as the events tell it; TRANSFERRED and an OTHER_QUEUE overflow are followed by ENQUEUED. */
    private static final class ItemTrace {
        final String itemId;
        boolean open;
        String queueId;
        Instant arrivedAt;
        Channel channel;

        ItemTrace(String itemId) {
            this.itemId = itemId;
        }
    }

    private static final class CaseTrace {
        final String caseId;
        boolean closed;
        String assignee;

        CaseTrace(String caseId) {
            this.caseId = caseId;
        }
    }
}
