package org.ventanilla.core.domain.users;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * What routing needs to know about an agent: skills with levels, languages, queue memberships and capacity
 * per channel.
 *
 * @param userId    id of the {@link User}
 * @param skills    skill code to level, {@value #MIN_LEVEL} (basic) to {@value #MAX_LEVEL} (expert)
 * @param languages ISO 639 codes the agent serves in, preferred first, for example {@code ["es", "en"]}
 * @param queues    codes of the queues the agent takes work from
 * @param capacity  work at once per channel
 */
public record AgentProfile(String userId, Map<String, Integer> skills, List<String> languages, Set<String> queues,
        ChannelCapacity capacity) {

    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 5;

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    public AgentProfile {
        if (userId == null || !CODE.matcher(userId).matches()) {
            throw invalid("user id '" + userId + "' of an agent profile is not a code");
        }
        Objects.requireNonNull(skills, "skills");
        Map<String, Integer> skillCopy = new LinkedHashMap<>();
        skills.forEach((skill, level) -> {
            if (skill == null || !CODE.matcher(skill).matches()) {
                throw invalid("skill '" + skill + "' of agent '" + userId + "' is not a code");
            }
            if (level == null || level < MIN_LEVEL || level > MAX_LEVEL) {
                throw invalid("skill '" + skill + "' of agent '" + userId + "' has level " + level + "; allowed " + MIN_LEVEL
                        + " to " + MAX_LEVEL);
            }
            skillCopy.put(skill, level);
        });
        skills = Collections.unmodifiableMap(skillCopy);
        Objects.requireNonNull(languages, "languages");
        if (languages.isEmpty()) {
            throw invalid("agent '" + userId + "' has no language");
        }
        for (String language : languages) {
            if (language == null || !LANGUAGE.matcher(language).matches()) {
                throw invalid("language '" + language + "' of agent '" + userId + "' is not an ISO 639 code like 'es'");
            }
        }
        if (new LinkedHashSet<>(languages).size() != languages.size()) {
            throw invalid("agent '" + userId + "' lists a language twice: " + languages);
        }
        languages = List.copyOf(languages);
        Objects.requireNonNull(queues, "queues");
        for (String queue : queues) {
            if (queue == null || !CODE.matcher(queue).matches()) {
                throw invalid("queue '" + queue + "' of agent '" + userId + "' is not a code");
            }
        }
        queues = Collections.unmodifiableSet(new LinkedHashSet<>(queues));
        Objects.requireNonNull(capacity, "capacity");
    }

    /** The agent's level in a skill, 0 when the agent does not have it. */
    public int levelOf(String skill) {
        return skills.getOrDefault(skill, 0);
    }

    /** Whether the agent has every required skill at its minimum level or above. */
    public boolean meets(Map<String, Integer> requiredSkills) {
        for (Map.Entry<String, Integer> required : requiredSkills.entrySet()) {
            if (levelOf(required.getKey()) < required.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the agent serves in that language. */
    public boolean speaks(String language) {
        return languages.contains(language);
    }

    /** Whether the agent takes work from that queue. */
    public boolean isMemberOf(String queue) {
        return queues.contains(queue);
    }

    private static VentanillaException invalid(String message) {
        return new VentanillaException(ErrorCode.INVALID_INPUT, message);
    }
}
