package org.ventanilla.routing.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.QueueMetrics;
import org.ventanilla.routing.api.RoutingAddresses;

/**
 * Registers routing's live metrics with Micrometer: per queue waiting, longest wait, service level, speed of answer
 * and counters of entered, answered, abandoned and overflowed items; the number of agents in each state. The meters
 * read {@link RoutingMetrics} when scraped; nothing is pushed.
 */
public final class RoutingMeters {

    private RoutingMeters() {
    }

    /** Registers the agent-state gauges and the meters of every queue defined so far. */
    public static void bind(RoutingMetrics metrics, MeterRegistry registry) {
        for (AgentState state : AgentState.values()) {
            Gauge.builder(RoutingAddresses.METER_AGENTS, metrics, m -> m.agentsByState().get(state))
                    .tag(RoutingAddresses.TAG_STATE, state.name().toLowerCase(Locale.ROOT))
                    .description("agents in this state")
                    .register(registry);
        }
        for (QueueMetrics queue : metrics.queues()) {
            bindQueue(metrics, registry, queue.queueId());
        }
    }

    /** Registers the meters of one queue (for a queue defined after {@link #bind}). */
    public static void bindQueue(RoutingMetrics metrics, MeterRegistry registry, String queueId) {
        gauge(registry, RoutingAddresses.METER_QUEUE_WAITING, metrics, queueId, q -> q.waiting(), "items waiting");
        gauge(registry, RoutingAddresses.METER_QUEUE_LONGEST_WAIT, metrics, queueId, q -> q.longestWait().toMillis() / 1000.0,
                "longest current wait in seconds");
        gauge(registry, RoutingAddresses.METER_QUEUE_SERVICE_LEVEL, metrics, queueId, QueueMetrics::serviceLevelPercent,
                "answered within target, percent");
        gauge(registry, RoutingAddresses.METER_QUEUE_ASA, metrics, queueId,
                q -> q.averageSpeedOfAnswer().toMillis() / 1000.0, "average speed of answer in seconds");
        counter(registry, RoutingAddresses.METER_QUEUE_ENTERED, metrics, queueId, QueueMetrics::entered, "items entered");
        counter(registry, RoutingAddresses.METER_QUEUE_ANSWERED, metrics, queueId, QueueMetrics::answered, "items answered");
        counter(registry, RoutingAddresses.METER_QUEUE_ABANDONED, metrics, queueId, QueueMetrics::abandoned, "items abandoned");
        counter(registry, RoutingAddresses.METER_QUEUE_OVERFLOWED, metrics, queueId, QueueMetrics::overflowed,
                "items overflowed");
    }

    private static void gauge(MeterRegistry registry, String name, RoutingMetrics metrics, String queueId,
            ToDoubleFunction<QueueMetrics> value, String description) {
        Gauge.builder(name, metrics, m -> m.queue(queueId).map(value::applyAsDouble).orElse(Double.NaN))
                .tag(RoutingAddresses.TAG_QUEUE, queueId)
                .description(description)
                .register(registry);
    }

    private static void counter(MeterRegistry registry, String name, RoutingMetrics metrics, String queueId,
            ToDoubleFunction<QueueMetrics> value, String description) {
        FunctionCounter.builder(name, metrics, m -> m.queue(queueId).map(value::applyAsDouble).orElse(0.0))
                .tag(RoutingAddresses.TAG_QUEUE, queueId)
                .description(description)
                .register(registry);
    }
}
