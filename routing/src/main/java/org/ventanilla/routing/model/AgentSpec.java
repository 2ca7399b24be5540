package org.ventanilla.routing.model;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.RoutingIds;
import org.ventanilla.routing.api.SkillRequirement;

/**
 * What routing needs to know of an agent's profile (core owns the full profile; the wiring maps it to this).
 *
 * @param id        the agent
 * @param skills    skill name to level (1 to 10)
 * @param languages languages spoken ({@code es}, {@code en})
 * @param queues    the queues the agent takes work from
 * @param teams     the back-office teams whose cases the agent may claim
 * @param capacity  how many items of each channel at once; voice is 0 or 1 and exclusive; a missing channel is 0
 */
public record AgentSpec(String id, Map<String, Integer> skills, Set<String> languages, Set<String> queues, Set<String> teams,
        Map<Channel, Integer> capacity) {

    /** The most items of one channel an agent may hold at once. */
    public static final int MAX_CAPACITY = 50;

    public AgentSpec {
        RoutingIds.require("agent id", id);
        Map<String, Integer> skillCopy = new HashMap<>();
        if (skills != null) {
            skills.forEach((skill, level) -> {
                String name = SkillRequirement.skillName(skill);
                if (level == null || level < 1 || level > SkillRequirement.MAX_LEVEL) {
                    throw new VentanillaException(ErrorCode.INVALID_INPUT, "level of skill '" + name + "' of agent '" + id + "' ("
                            + level + ") must be between 1 and " + SkillRequirement.MAX_LEVEL);
                }
                skillCopy.put(name, level);
            });
        }
        skills = Map.copyOf(skillCopy);
        Set<String> languageCopy = new HashSet<>();
        if (languages != null) {
            languages.forEach(language -> languageCopy.add(RoutingIds.language(language)));
        }
        languages = Set.copyOf(languageCopy);
        queues = checkedIds("queue id", queues);
        teams = checkedIds("team id", teams);
        EnumMap<Channel, Integer> capacityCopy = new EnumMap<>(Channel.class);
        if (capacity != null) {
            capacity.forEach((channel, slots) -> {
                int limit = channel == Channel.VOICE ? 1 : MAX_CAPACITY;
                if (slots == null || slots < 0 || slots > limit) {
                    throw new VentanillaException(ErrorCode.INVALID_INPUT, "capacity of agent '" + id + "' on " + channel + " ("
                            + slots + ") must be between 0 and " + limit);
                }
                capacityCopy.put(channel, slots);
            });
        }
        capacity = Map.copyOf(capacityCopy);
    }

    /** Starts a profile for agent {@code id}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** The agent's level in {@code skill}, 0 when the agent does not have it. */
    public int level(String skill) {
        Integer level = skills.get(skill);
        return level == null ? 0 : level;
    }

    /** How many items of {@code channel} the agent may hold at once. */
    public int capacity(Channel channel) {
        Integer slots = capacity.get(channel);
        return slots == null ? 0 : slots;
    }

    private static Set<String> checkedIds(String what, Set<String> ids) {
        if (ids == null) {
            return Set.of();
        }
        ids.forEach(value -> RoutingIds.require(what, value));
        return Set.copyOf(ids);
    }

    /** Builds an {@link AgentSpec}. */
    public static final class Builder {
        private final String id;
        private final Map<String, Integer> skills = new HashMap<>();
        private final Set<String> languages = new HashSet<>();
        private final Set<String> queues = new HashSet<>();
        private final Set<String> teams = new HashSet<>();
        private final Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);

        private Builder(String id) {
            this.id = id;
        }

        public Builder skill(String skill, int level) {
            skills.put(skill, level);
            return this;
        }

        public Builder languages(String... tags) {
            languages.addAll(Set.of(tags));
            return this;
        }

        public Builder queues(String... ids) {
            queues.addAll(Set.of(ids));
            return this;
        }

        public Builder teams(String... ids) {
            teams.addAll(Set.of(ids));
            return this;
        }

        public Builder capacity(Channel channel, int slots) {
            capacity.put(channel, slots);
            return this;
        }

        public AgentSpec build() {
            return new AgentSpec(id, skills, languages, queues, teams, capacity);
        }
    }
}
