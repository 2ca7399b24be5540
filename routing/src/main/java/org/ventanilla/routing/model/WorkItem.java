package org.ventanilla.routing.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.RoutingIds;
import org.ventanilla.routing.api.SkillRequirement;

/**
 * One piece of immediate work in routing: a call, a chat, an email or an Open311 request waiting for an agent.
 * Skills are merged (one requirement per skill, the highest level) and sorted by name, so items with the same
 * needs compare equal on {@link #skills()}.
 *
 * @param id                 the item (the interaction's id)
 * @param queueId            the queue it waits in
 * @param channel            its channel
 * @param category           its service category
 * @param skills             the item's own required skills with minimum levels; the queue's skills apply on top
 * @param language           the language the agent must speak, or {@code null} for any
 * @param priority           0 (lowest) to 9 (most urgent)
 * @param arrivedAt          when it entered its queue; kept when an offer is declined or times out, and on restore
 * @param serviceLevelTarget the answer time to meet, from the queue's service level for the channel
 * @param targetAgentId      the only agent it may go to (after a transfer to an agent), or {@code null}
 */
public record WorkItem(String id, String queueId, Channel channel, String category, List<SkillRequirement> skills,
        String language, int priority, Instant arrivedAt, Duration serviceLevelTarget, String targetAgentId) {

    public WorkItem {
        RoutingIds.require("work item id", id);
        RoutingIds.require("queue id", queueId);
        RoutingIds.require("category", category);
        RoutingIds.optional("target agent id", targetAgentId);
        if (channel == null || arrivedAt == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "work item '" + id + "' needs a channel and an arrival time");
        }
        if (serviceLevelTarget == null || serviceLevelTarget.isNegative() || serviceLevelTarget.isZero()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "service-level target of work item '" + id + "' (" + serviceLevelTarget + ") must be positive");
        }
        skills = normalise(skills);
        language = RoutingIds.language(language);
        EnqueueRequest.checkPriority(priority);
    }

    /** The item an enqueue request describes, arriving now in {@code queue}. */
    public static WorkItem from(EnqueueRequest request, QueueSpec queue, Instant now) {
        return new WorkItem(request.itemId(), queue.id(), request.channel(), request.category(), request.skills(),
                request.language(), request.priority(), now, queue.serviceLevel(request.channel()).target(), null);
    }

    /**
     * This item entering {@code queue} at {@code at} (a transfer or an overflow): the service-level target follows the
     * new queue and a target agent is cleared; the item's own skills stay, the old queue's no longer apply.
     */
    public WorkItem movedTo(QueueSpec queue, Instant at) {
        return new WorkItem(id, queue.id(), channel, category, skills, language, priority, at,
                queue.serviceLevel(channel).target(), null);
    }

    /** This item reserved for one agent. */
    public WorkItem forAgent(String agentId) {
        return new WorkItem(id, queueId, channel, category, skills, language, priority, arrivedAt, serviceLevelTarget, agentId);
    }

    private static List<SkillRequirement> normalise(List<SkillRequirement> skills) {
        if (skills == null || skills.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> levels = new TreeMap<>();
        for (SkillRequirement requirement : skills) {
            levels.merge(requirement.skill(), requirement.minLevel(), Math::max);
        }
        List<SkillRequirement> result = new ArrayList<>(levels.size());
        levels.forEach((skill, level) -> result.add(new SkillRequirement(skill, level)));
        result.sort(Comparator.comparing(SkillRequirement::skill));
        return List.copyOf(result);
    }
}
