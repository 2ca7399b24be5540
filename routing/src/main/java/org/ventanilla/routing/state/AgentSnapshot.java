package org.ventanilla.routing.state;

import java.time.Instant;
import java.util.Map;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.Channel;

/**
 * An agent's live state.
 *
 * @param agentId      the agent
 * @param state        the state supervisors see
 * @param reason       the away reason, or {@code null}
 * @param since        when {@code state} began
 * @param declared     the state the agent declared (AVAILABLE, AWAY or OFFLINE)
 * @param load         slots held per channel (offered, accepted and in wrap-up)
 * @param missedOffers offers timed out in a row since the last accept or the last time the agent became available
 * @param idleSince    when the agent last got an offer or last freed a slot; the longest idle goes first
 */
public record AgentSnapshot(String agentId, AgentState state, String reason, Instant since, AgentState declared,
        Map<Channel, Integer> load, int missedOffers, Instant idleSince) {

    /** Slots held on {@code channel}. */
    public int load(Channel channel) {
        Integer slots = load.get(channel);
        return slots == null ? 0 : slots;
    }
}
