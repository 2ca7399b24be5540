package org.ventanilla.routing.verticle;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.CaseRequest;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.EnqueueResult;
import org.ventanilla.routing.engine.RoutingEngine;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.store.RoutingRestore;
import org.ventanilla.routing.store.StoredRoutingEvents;

/**
 * Routing as one node runs it: the engine, the history it reports to, the queue and agent definitions, the restore
 * from the database, and the node's readiness. Plain Java, tested without Vert.x; the verticle puts it on the bus.
 *
 * <p>Readiness ({@link #isHealthy()}) is the live state's reachability: the probe given by the wiring (a Redis PING for
 * the Redis live state, always true in memory) and the outcome of the last timer tick. When the live state comes back
 * after being unreachable, the work stored in the database is re-queued by {@link RoutingRestore} (items the live
 * state still holds are left as they are).
 */
public final class RoutingService {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingService.class);

    private final RoutingEngine engine;
    private final StoredRoutingEvents history;
    private final RoutingRestore restore;
    private final BooleanSupplier liveStateProbe;
    private final Map<String, QueueSpec> queues = new ConcurrentHashMap<>();
    private final Map<String, AgentSpec> agents = new ConcurrentHashMap<>();
    private volatile boolean liveStateUp = true;

    private RoutingService(RoutingEngine engine, StoredRoutingEvents history, Clock clock, BooleanSupplier liveStateProbe,
            Duration lookback) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.history = history;
        this.restore = history == null ? null : new RoutingRestore(history, clock, lookback);
        this.liveStateProbe = Objects.requireNonNull(liveStateProbe, "liveStateProbe");
    }

    /**
     * A service over {@code engine}, whose sink must include {@code history} (or null to keep no history and skip
     * restores). {@code liveStateProbe} answers whether the live state can be reached right now.
     */
    public static RoutingService create(RoutingEngine engine, StoredRoutingEvents history, Clock clock,
            BooleanSupplier liveStateProbe) {
        return new RoutingService(engine, history, clock, liveStateProbe, RoutingRestore.DEFAULT_LOOKBACK);
    }

    public RoutingEngine engine() {
        return engine;
    }

    /** The history, or empty when this node keeps none. */
    public Optional<StoredRoutingEvents> history() {
        return Optional.ofNullable(history);
    }

    // ---- definitions ----

    public void defineQueue(QueueSpec queue) {
        engine.defineQueue(queue);
        queues.put(queue.id(), queue);
    }

    public Optional<QueueSpec> queue(String queueId) {
        return Optional.ofNullable(queues.get(queueId));
    }

    /** Defines or refreshes an agent's profile (sign-in); its live state is kept. */
    public void defineAgent(AgentSpec agent) {
        engine.defineAgent(agent);
        agents.put(agent.id(), agent);
    }

    /** Replaces the agent's queue memberships, and its teams when {@code teams} is not null. */
    public void changeMembership(String agentId, Set<String> queueIds, Set<String> teams) {
        AgentSpec current = agents.get(agentId);
        if (current == null) {
            throw new VentanillaException(ErrorCode.NOT_FOUND, "unknown agent '" + agentId + "'");
        }
        for (String queueId : queueIds) {
            if (!queues.containsKey(queueId)) {
                throw new VentanillaException(ErrorCode.NOT_FOUND, "unknown queue '" + queueId + "'");
            }
        }
        defineAgent(new AgentSpec(agentId, current.skills(), current.languages(), queueIds,
                teams == null ? current.teams() : teams, current.capacity()));
    }

    // ---- work that is kept for a restore ----

    /** Enqueues, keeping the request for a restore first. */
    public EnqueueResult enqueue(EnqueueRequest request) {
        if (history != null && engine.item(request.itemId()).isEmpty()) {
            history.itemRequested(request);
        }
        return engine.enqueue(request);
    }

    /** Adds a deferred case, keeping the request for a restore first. */
    public void addCase(CaseRequest request) {
        if (history != null) {
            history.caseRequested(request);
        }
        engine.addCase(request);
    }

    // ---- timers, health, restore ----

    /**
     * Runs the engine's timers and notes whether the live state answered. Returns true when the live state has just
     * come back after being unreachable: the caller then runs {@link #restore()} (it reads the database, so not on an
     * event loop).
     */
    public boolean tick() {
        boolean reachable = liveStateProbe.getAsBoolean();
        if (!reachable) {
            down("the live state does not answer its probe");
            return false;
        }
        try {
            engine.tick();
        } catch (VentanillaException e) {
            if (e.code() == ErrorCode.UNAVAILABLE) {
                down(e.getMessage());
                return false;
            }
            throw e;
        }
        if (!liveStateUp) {
            // Readiness stays false until the restore has run: the caller runs it now, and again on the next tick
            // for as long as it fails.
            LOG.info("routing live state is reachable; defining queues and agents again and re-queueing stored work");
            return true;
        }
        return false;
    }

    /** Re-queues the work stored in the database (at start, and when the live state comes back). */
    public Optional<RoutingRestore.Result> restore() {
        Optional<RoutingRestore.Result> result;
        if (restore == null) {
            // No history to re-queue from: the definitions and the offers in flight are still put right.
            engine.restore(List.of());
            result = Optional.empty();
        } else {
            result = Optional.of(restore.restore(engine, this::queue));
        }
        if (!liveStateUp && liveStateProbe.getAsBoolean()) {
            LOG.info("routing live state restored, readiness true");
            liveStateUp = true;
        }
        return result;
    }

    /** Readiness for the ops health check: the live state answers. */
    public boolean isHealthy() {
        return liveStateUp && liveStateProbe.getAsBoolean();
    }

    /** Notes a failure of the live state seen by a request. */
    void noteFailure(VentanillaException e) {
        if (e.code() == ErrorCode.UNAVAILABLE) {
            down(e.getMessage());
        }
    }

    private void down(String why) {
        if (liveStateUp) {
            LOG.error("routing live state unreachable, readiness false: {}", why);
        }
        liveStateUp = false;
    }

    /** The queues defined, for listings. */
    public List<String> queueIds() {
        return List.copyOf(queues.keySet());
    }
}
