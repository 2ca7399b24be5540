package org.ventanilla.routing.api;

import java.time.Duration;

/**
 * Live figures of one agent.
 *
 * @param agentId     the agent
 * @param state       the current state
 * @param reason      the away reason, or {@code null}
 * @param timeInState how long the agent has been in this state
 * @param answered    work items the agent accepted since routing started
 */
public record AgentMetrics(String agentId, AgentState state, String reason, Duration timeInState, long answered) {
}
