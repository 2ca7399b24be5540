package org.ventanilla.routing.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One routing event, stored for reports and published on {@link RoutingAddresses#EVENTS}. Fields that do not
 * apply to a type are {@code null}. For the case events ({@code CASE_*}, {@code DEADLINE_*}) {@code itemId} is the
 * case id, {@code queueId} the owning team and {@code arrivedAt} the receipt time.
 *
 * @param type       what happened
 * @param at         when
 * @param queueId    the queue (or team)
 * @param itemId     the work item (or case)
 * @param agentId    the agent concerned
 * @param channel    the item's channel
 * @param arrivedAt  when the item entered its queue, to measure waits
 * @param agentState the new state, for {@link RoutingEventType#STATE_CHANGED}
 * @param detail     a short machine-readable detail, see each type
 */
public record RoutingEvent(RoutingEventType type, Instant at, String queueId, String itemId, String agentId, Channel channel,
        Instant arrivedAt, AgentState agentState, String detail) {

    public RoutingEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }

    /** An event about a work item. */
    public static RoutingEvent item(RoutingEventType type, Instant at, String queueId, String itemId, String agentId,
            Channel channel, Instant arrivedAt, String detail) {
        return new RoutingEvent(type, at, queueId, itemId, agentId, channel, arrivedAt, null, detail);
    }

    /** A change of an agent's state. */
    public static RoutingEvent stateChanged(Instant at, String agentId, AgentState state, String reason) {
        return new RoutingEvent(RoutingEventType.STATE_CHANGED, at, null, null, agentId, null, null, state, reason);
    }

    /** How long the item had waited in its queue at the time of the event, or {@code null}. */
    public Duration waited() {
        return arrivedAt == null ? null : Duration.between(arrivedAt, at);
    }
}
