package org.ventanilla.routing.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ventanilla.routing.api.AgentMetrics;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.QueueMetrics;

/**
 * Live figures per queue and per agent, computed from the routing events as they are emitted. Thread-safe; reads
 * do not wait for the engine.
 */
public interface RoutingMetrics {

    /** The figures of one queue, if it is defined. */
    Optional<QueueMetrics> queue(String queueId);

    /** The figures of every defined queue, by queue id. */
    List<QueueMetrics> queues();

    /** The figures of one agent, if it is defined. */
    Optional<AgentMetrics> agent(String agentId);

    /** The figures of every defined agent, by agent id. */
    List<AgentMetrics> agents();

    /** How many agents are in each state (every state present, zero included). */
    Map<AgentState, Integer> agentsByState();
}
