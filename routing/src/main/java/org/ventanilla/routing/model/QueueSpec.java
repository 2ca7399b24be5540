package org.ventanilla.routing.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.RoutingIds;
import org.ventanilla.routing.api.SkillRequirement;

/**
 * A queue: who may take its work (agents list it among their queues and meet the skills), how fast it should be
 * answered, when it takes live work, how many items it holds, and what happens as items wait.
 *
 * @param id            the queue ({@code tramites})
 * @param skills        skills every item of the queue needs, on top of its own
 * @param serviceLevels service level per channel; a channel not listed uses {@link ServiceLevel#defaultFor}
 * @param openHours     when the queue takes new voice and chat work
 * @param maxSize       the most items waiting (offered ones included); an enqueue beyond it is refused
 * @param maxWait       the longest an item waits before it overflows, or {@code null} for no limit
 * @param overflow      what happens at {@code maxWait}; required when {@code maxWait} is set
 * @param relaxation    requirement relaxation steps, sorted by time
 */
public record QueueSpec(String id, List<SkillRequirement> skills, Map<Channel, ServiceLevel> serviceLevels, OpenHours openHours,
        int maxSize, Duration maxWait, OverflowAction overflow, List<RelaxationStep> relaxation) {

    /** The size limit a queue gets when none is given. */
    public static final int DEFAULT_MAX_SIZE = 500;
    /** The largest size limit accepted. */
    public static final int MAX_MAX_SIZE = 1_000_000;

    public QueueSpec {
        RoutingIds.require("queue id", id);
        skills = skills == null ? List.of() : List.copyOf(skills);
        EnumMap<Channel, ServiceLevel> levels = new EnumMap<>(Channel.class);
        if (serviceLevels != null) {
            levels.putAll(serviceLevels);
        }
        serviceLevels = Map.copyOf(levels);
        if (openHours == null) {
            openHours = OpenHours.ALWAYS;
        }
        if (maxSize < 1 || maxSize > MAX_MAX_SIZE) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "size limit of queue '" + id + "' (" + maxSize + ") must be between 1 and " + MAX_MAX_SIZE);
        }
        if (maxWait != null && (maxWait.isNegative() || maxWait.isZero())) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "maximum wait of queue '" + id + "' (" + maxWait + ") must be positive");
        }
        if ((maxWait == null) != (overflow == null)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "queue '" + id + "' needs both a maximum wait and an overflow action, or neither");
        }
        if (overflow != null && overflow.kind() == OverflowAction.Kind.OTHER_QUEUE && overflow.targetQueueId().equals(id)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "queue '" + id + "' cannot overflow into itself");
        }
        List<RelaxationStep> steps = new ArrayList<>(relaxation == null ? List.of() : relaxation);
        steps.sort(Comparator.comparing(RelaxationStep::after));
        relaxation = List.copyOf(steps);
    }

    /** Starts a queue {@code id} with the defaults: no skills, default service levels, always open, 500 items. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** The service level of {@code channel} in this queue. */
    public ServiceLevel serviceLevel(Channel channel) {
        ServiceLevel level = serviceLevels.get(channel);
        return level == null ? ServiceLevel.defaultFor(channel) : level;
    }

    /**
     * The minimum level {@code requirement} asks for after waiting {@code waitedMillis}, relaxation applied; 0 when
     * the requirement was dropped.
     */
    public int relaxedLevel(SkillRequirement requirement, long waitedMillis) {
        int level = requirement.minLevel();
        for (int i = 0; i < relaxation.size(); i++) {
            RelaxationStep step = relaxation.get(i);
            if (waitedMillis < step.after().toMillis()) {
                break;
            }
            if (step.skill().equals(requirement.skill()) && step.level() < level) {
                level = step.level();
            }
        }
        return level;
    }

    /** Builds a {@link QueueSpec}. */
    public static final class Builder {
        private final String id;
        private final List<SkillRequirement> skills = new ArrayList<>();
        private final Map<Channel, ServiceLevel> serviceLevels = new EnumMap<>(Channel.class);
        private OpenHours openHours = OpenHours.ALWAYS;
        private int maxSize = DEFAULT_MAX_SIZE;
        private Duration maxWait;
        private OverflowAction overflow;
        private final List<RelaxationStep> relaxation = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder skill(String skill, int minLevel) {
            skills.add(new SkillRequirement(skill, minLevel));
            return this;
        }

        public Builder serviceLevel(Channel channel, Duration target, int percent) {
            serviceLevels.put(channel, new ServiceLevel(target, percent));
            return this;
        }

        public Builder openHours(OpenHours hours) {
            this.openHours = hours;
            return this;
        }

        public Builder maxSize(int size) {
            this.maxSize = size;
            return this;
        }

        /** Items that wait {@code wait} overflow with {@code action}. */
        public Builder overflowAfter(Duration wait, OverflowAction action) {
            this.maxWait = wait;
            this.overflow = action;
            return this;
        }

        public Builder relax(RelaxationStep step) {
            relaxation.add(step);
            return this;
        }

        public QueueSpec build() {
            return new QueueSpec(id, skills, serviceLevels, openHours, maxSize, maxWait, overflow, relaxation);
        }
    }
}
