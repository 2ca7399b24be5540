package org.ventanilla.routing.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.ventanilla.routing.api.AgentMetrics;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.QueueMetrics;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.model.QueueSpec;

/** {@link RoutingMetrics} fed by the engine's events. */
final class LiveMetrics implements RoutingMetrics {

    private final Clock clock;
    private final Function<String, QueueSpec> queueSpecs;
    private final Map<String, QueueStats> queues = new TreeMap<>();
    private final Map<String, AgentStats> agents = new TreeMap<>();

    LiveMetrics(Clock clock, Function<String, QueueSpec> queueSpecs) {
        this.clock = clock;
        this.queueSpecs = queueSpecs;
    }

    synchronized void queueDefined(String queueId) {
        queues.computeIfAbsent(queueId, id -> new QueueStats());
    }

    synchronized void agentDefined(String agentId, Instant now) {
        agents.computeIfAbsent(agentId, id -> new AgentStats(now));
    }

    synchronized void on(RoutingEvent event) {
        switch (event.type()) {
            case ENQUEUED:
                stats(event.queueId()).enter(event.itemId(), event.arrivedAt());
                stats(event.queueId()).entered++;
                break;
            case RESTORED:
                stats(event.queueId()).enter(event.itemId(), event.arrivedAt());
                break;
            case ACCEPTED: {
                QueueStats stats = stats(event.queueId());
                stats.leave(event.itemId());
                long waited = Math.max(0, event.waited().toMillis());
                stats.answered++;
                stats.answerMillis += waited;
                QueueSpec spec = queueSpecs.apply(event.queueId());
                if (spec != null && waited <= spec.serviceLevel(event.channel()).target().toMillis()) {
                    stats.withinTarget++;
                }
                AgentStats agent = agents.get(event.agentId());
                if (agent != null) {
                    agent.answered++;
                }
                break;
            }
            case ABANDONED:
                stats(event.queueId()).leave(event.itemId());
                stats(event.queueId()).abandoned++;
                break;
            case OVERFLOWED:
                stats(event.queueId()).leave(event.itemId());
                stats(event.queueId()).overflowed++;
                break;
            case CANCELLED:
            case TRANSFERRED:
                stats(event.queueId()).leave(event.itemId());
                break;
            case STATE_CHANGED: {
                AgentStats agent = agents.computeIfAbsent(event.agentId(), id -> new AgentStats(event.at()));
                agent.state = event.agentState();
                agent.reason = event.detail();
                agent.since = event.at();
                break;
            }
            default:
                break;
        }
    }

    @Override
    public synchronized Optional<QueueMetrics> queue(String queueId) {
        QueueStats stats = queues.get(queueId);
        return stats == null ? Optional.empty() : Optional.of(stats.view(queueId, clock.instant()));
    }

    @Override
    public synchronized List<QueueMetrics> queues() {
        Instant now = clock.instant();
        List<QueueMetrics> result = new ArrayList<>(queues.size());
        queues.forEach((id, stats) -> result.add(stats.view(id, now)));
        return result;
    }

    @Override
    public synchronized Optional<AgentMetrics> agent(String agentId) {
        AgentStats stats = agents.get(agentId);
        return stats == null ? Optional.empty() : Optional.of(stats.view(agentId, clock.instant()));
    }

    @Override
    public synchronized List<AgentMetrics> agents() {
        Instant now = clock.instant();
        List<AgentMetrics> result = new ArrayList<>(agents.size());
        agents.forEach((id, stats) -> result.add(stats.view(id, now)));
        return result;
    }

    @Override
    public synchronized Map<AgentState, Integer> agentsByState() {
        Map<AgentState, Integer> counts = new EnumMap<>(AgentState.class);
        for (AgentState state : AgentState.values()) {
            counts.put(state, 0);
        }
        for (AgentStats stats : agents.values()) {
            counts.merge(stats.state, 1, Integer::sum);
        }
        return counts;
    }

    private QueueStats stats(String queueId) {
        return queues.computeIfAbsent(queueId, id -> new QueueStats());
    }

    private static final class QueueStats {
        final Map<String, Instant> waiting = new HashMap<>();
        final TreeMap<Instant, Integer> arrivals = new TreeMap<>();
        long entered;
        long answered;
        long withinTarget;
        long abandoned;
        long overflowed;
        long answerMillis;

        void enter(String itemId, Instant arrivedAt) {
            if (waiting.put(itemId, arrivedAt) == null) {
                arrivals.merge(arrivedAt, 1, Integer::sum);
            }
        }

        void leave(String itemId) {
            Instant arrivedAt = waiting.remove(itemId);
            if (arrivedAt != null) {
                arrivals.compute(arrivedAt, (at, count) -> count == 1 ? null : count - 1);
            }
        }

        QueueMetrics view(String queueId, Instant now) {
            Duration longest = arrivals.isEmpty() ? Duration.ZERO : Duration.between(arrivals.firstKey(), now);
            if (longest.isNegative()) {
                longest = Duration.ZERO;
            }
            long judged = answered + abandoned;
            double serviceLevel = judged == 0 ? 100.0 : 100.0 * withinTarget / judged;
            Duration asa = answered == 0 ? Duration.ZERO : Duration.ofMillis(answerMillis / answered);
            return new QueueMetrics(queueId, waiting.size(), longest, entered, answered, withinTarget, abandoned, overflowed,
                    serviceLevel, asa);
        }
    }

    private static final class AgentStats {
        AgentState state = AgentState.OFFLINE;
        String reason;
        Instant since;
        long answered;

        AgentStats(Instant since) {
            this.since = since;
        }

        AgentMetrics view(String agentId, Instant now) {
            Duration inState = Duration.between(since, now);
            return new AgentMetrics(agentId, state, reason, inState.isNegative() ? Duration.ZERO : inState, answered);
        }
    }
}
