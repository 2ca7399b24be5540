package org.ventanilla.core.domain.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.ventanilla.core.domain.interaction.Channel;

/**
 * How routing treats the live contacts waiting in one queue: the skills every contact of the queue needs, the
 * service-level goal per channel, how many may wait, how long, how the skill requirements widen as they wait, and what
 * happens to a contact that waited the longest allowed. Every part is optional: {@link #DEFAULTS} is a queue with no
 * skills, routing's default service levels, {@value #DEFAULT_MAX_SIZE} places and no maximum wait.
 *
 * <p>The maximum wait and the overflow action apply to every channel of the queue (routing keeps one per queue).
 *
 * @param skills        skill code to minimum level ({@value Category#MIN_SKILL_LEVEL} to {@value Category#MAX_SKILL_LEVEL})
 *                      every contact of the queue needs
 * @param serviceLevels goal per channel; a channel not listed keeps routing's default (80 % answered within 20 s for
 *                      voice, 60 s for chat, 24 h for email and Open311)
 * @param maxSize       the most contacts waiting, 1 to {@value #MAX_SIZE_LIMIT}
 * @param maxWait       the longest a contact waits before it overflows, or {@code null} for no limit
 * @param overflow      what happens at {@code maxWait}; given exactly when {@code maxWait} is
 * @param relaxation    skill relaxation steps, sorted by time
 */
public record QueueRouting(Map<String, Integer> skills, Map<Channel, ServiceLevelGoal> serviceLevels, int maxSize,
        Duration maxWait, Overflow overflow, List<Relaxation> relaxation) {

    /** Places of a queue that sets none (routing's default). */
    public static final int DEFAULT_MAX_SIZE = 500;
    /** The most places a queue may have (routing's limit). */
    public static final int MAX_SIZE_LIMIT = 1_000_000;
    /** The longest time any of the durations of a queue may be (a service-level target, a maximum wait, a step). */
    public static final Duration LONGEST = Duration.ofDays(7);

    /** No skills, default service levels, {@value #DEFAULT_MAX_SIZE} places, no maximum wait, no relaxation. */
    public static final QueueRouting DEFAULTS = new QueueRouting(Map.of(), Map.of(), DEFAULT_MAX_SIZE, null, null, List.of());

    public QueueRouting {
        Objects.requireNonNull(skills, "skills");
        Map<String, Integer> skillCopy = new LinkedHashMap<>();
        skills.forEach((skill, level) -> {
            Checks.requireCode(skill, "skill");
            requireLevel(level, Category.MIN_SKILL_LEVEL, "level of skill '" + skill + "'");
            skillCopy.put(skill, level);
        });
        skills = Collections.unmodifiableMap(skillCopy);
        Objects.requireNonNull(serviceLevels, "serviceLevels");
        EnumMap<Channel, ServiceLevelGoal> levels = new EnumMap<>(Channel.class);
        serviceLevels.forEach((channel, goal) -> levels.put(Objects.requireNonNull(channel, "channel"),
                Objects.requireNonNull(goal, "service level of " + channel)));
        serviceLevels = Collections.unmodifiableMap(levels);
        if (maxSize < 1 || maxSize > MAX_SIZE_LIMIT) {
            throw Checks.invalid("maximum size (" + maxSize + ") must be between 1 and " + MAX_SIZE_LIMIT);
        }
        if (maxWait != null) {
            requireDuration(maxWait, "maximum wait");
        }
        if (maxWait == null && overflow != null) {
            throw Checks.invalid("an overflow action (" + overflow + ") needs a maximum wait");
        }
        if (maxWait != null && overflow == null) {
            throw Checks.invalid("a maximum wait (" + seconds(maxWait)
                    + ") needs an overflow action: otherQueue, callback or deferredCase");
        }
        List<Relaxation> steps = new ArrayList<>(Objects.requireNonNull(relaxation, "relaxation"));
        steps.forEach(step -> Objects.requireNonNull(step, "relaxation step"));
        steps.sort(Comparator.comparing(Relaxation::after));
        for (Relaxation step : steps) {
            Integer required = skills.get(step.skill());
            if (required == null) {
                throw Checks.invalid("relaxation step after " + seconds(step.after()) + " lowers skill '" + step.skill()
                        + "', which the queue does not require (it requires: "
                        + (skills.isEmpty() ? "no skill" : String.join(", ", skills.keySet())) + ")");
            }
            if (step.level() >= required) {
                throw Checks.invalid("relaxation step after " + seconds(step.after()) + " sets skill '" + step.skill()
                        + "' to level " + step.level() + ", which does not lower the queue's level " + required);
            }
            if (maxWait != null && step.after().compareTo(maxWait) >= 0) {
                throw Checks.invalid("relaxation step after " + seconds(step.after()) + " comes at or after the maximum wait ("
                        + seconds(maxWait) + "), so it would never apply");
            }
        }
        relaxation = List.copyOf(steps);
    }

    /** Where a contact of this queue goes when it overflows, if that is another queue. */
    public Optional<String> overflowQueue() {
        return overflow == null || overflow.kind() != Overflow.Kind.OTHER_QUEUE ? Optional.empty()
                : Optional.of(overflow.targetQueue());
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static void requireLevel(Integer level, int min, String what) {
        if (level == null || level < min || level > Category.MAX_SKILL_LEVEL) {
            throw Checks.invalid(what + " (" + level + ") must be between " + min + " and " + Category.MAX_SKILL_LEVEL);
        }
    }

    private static void requireDuration(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.toMillis() < 1000 || duration.compareTo(LONGEST) > 0) {
            throw Checks.invalid(what + " (" + seconds(duration) + ") must be between 1 s and " + LONGEST.toSeconds() + " s (7 days)");
        }
    }

    /**
     * A service-level goal: {@code percent} of the contacts answered within {@code target}.
     *
     * @param target  answer time to meet, 1 s to 7 days
     * @param percent share of contacts that should meet it, 1 to 100
     */
    public record ServiceLevelGoal(Duration target, int percent) {

        public ServiceLevelGoal {
            requireDuration(target, "service-level target");
            if (percent < 1 || percent > 100) {
                throw Checks.invalid("service-level percent (" + percent + ") must be between 1 and 100");
            }
        }
    }

    /**
     * After a contact has waited {@code after}, the queue's requirement on {@code skill} drops to {@code level}
     * (0 drops the requirement).
     *
     * @param after how long the contact must have waited, 1 s to 7 days
     * @param skill a skill the queue requires
     * @param level the new minimum level, 0 to {@value Category#MAX_SKILL_LEVEL} minus one, below the queue's level
     */
    public record Relaxation(Duration after, String skill, int level) {

        public Relaxation {
            requireDuration(after, "relaxation time");
            skill = Checks.requireCode(skill, "relaxed skill");
            requireLevel(level, 0, "relaxed level of skill '" + skill + "'");
        }
    }

    /**
     * What happens to a contact that waited the queue's maximum.
     *
     * @param kind        the action
     * @param targetQueue the queue to move to, for {@link Kind#OTHER_QUEUE} only
     */
    public record Overflow(Kind kind, String targetQueue) {

        /** The overflow actions. */
        public enum Kind {
            /** The contact moves to another queue. */
            OTHER_QUEUE,
            /** The contact leaves the queue and an agent of the owning team calls the citizen back (voice). */
            CALLBACK,
            /** The contact becomes a deferred case with a radicado on the owning team's work list. */
            DEFERRED_CASE
        }

        public Overflow {
            Objects.requireNonNull(kind, "overflow kind");
            if (kind == Kind.OTHER_QUEUE) {
                targetQueue = Checks.requireCode(targetQueue, "overflow target queue");
            } else if (targetQueue != null) {
                throw Checks.invalid("overflow action " + kind + " takes no target queue (got '" + targetQueue + "')");
            }
        }

        /** Move to {@code queue}. */
        public static Overflow toQueue(String queue) {
            return new Overflow(Kind.OTHER_QUEUE, queue);
        }

        /** Ask for a callback. */
        public static Overflow callback() {
            return new Overflow(Kind.CALLBACK, null);
        }

        /** Make a deferred case. */
        public static Overflow deferredCase() {
            return new Overflow(Kind.DEFERRED_CASE, null);
        }

        @Override
        public String toString() {
            return kind == Kind.OTHER_QUEUE ? "otherQueue " + targetQueue : kind == Kind.CALLBACK ? "callback" : "deferredCase";
        }
    }
}
