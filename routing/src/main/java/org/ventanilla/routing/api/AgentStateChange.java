package org.ventanilla.routing.api;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * An agent declares a state, sent to {@link RoutingAddresses#AGENT_STATE}. Only {@link AgentState#declarable()}
 * states may be asked for; an away state carries a short reason ("almuerzo", "capacitación").
 *
 * @param agentId the agent
 * @param state   {@link AgentState#AVAILABLE}, {@link AgentState#AWAY} or {@link AgentState#OFFLINE}
 * @param reason  why the agent is away; {@code null} for the other states
 */
public record AgentStateChange(String agentId, AgentState state, String reason) {

    /** The longest reason accepted. */
    public static final int MAX_REASON_LENGTH = 80;

    public AgentStateChange {
        RoutingIds.require("agent id", agentId);
        if (state == null || !state.declarable()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "agent state " + state
                    + " cannot be set directly; an agent declares AVAILABLE, AWAY or OFFLINE and BUSY or WRAP_UP follow from work");
        }
        if (state == AgentState.AWAY) {
            if (reason == null || reason.isBlank()) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "away state of agent '" + agentId + "' needs a reason");
            }
            reason = reason.strip();
            if (reason.length() > MAX_REASON_LENGTH) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "away reason length (" + reason.length()
                        + ") exceeds the allowed maximum (" + MAX_REASON_LENGTH + ")");
            }
        } else {
            reason = null;
        }
    }

    /** The agent becomes available. */
    public static AgentStateChange available(String agentId) {
        return new AgentStateChange(agentId, AgentState.AVAILABLE, null);
    }

    /** The agent goes away for {@code reason}. */
    public static AgentStateChange away(String agentId, String reason) {
        return new AgentStateChange(agentId, AgentState.AWAY, reason);
    }

    /** The agent signs out. */
    public static AgentStateChange offline(String agentId) {
        return new AgentStateChange(agentId, AgentState.OFFLINE, null);
    }
}
