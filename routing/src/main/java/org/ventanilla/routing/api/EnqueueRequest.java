package org.ventanilla.routing.api;

import java.util.List;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Asks routing to queue one piece of immediate work. Enqueueing the same {@code itemId} again is harmless: the
 * second request changes nothing and is answered as a duplicate.
 *
 * @param itemId   the work item's id (the interaction's id), the idempotency key
 * @param queueId  the queue to wait in
 * @param channel  the channel of the contact
 * @param category the service category the classifier or the agent chose
 * @param skills   skills needed on top of the queue's own, with minimum levels; may be empty
 * @param language language the agent must speak ({@code es}), or {@code null} for any
 * @param priority 0 (lowest) to 9 (most urgent)
 */
public record EnqueueRequest(String itemId, String queueId, Channel channel, String category,
        List<SkillRequirement> skills, String language, int priority) {

    /** The lowest priority. */
    public static final int MIN_PRIORITY = 0;
    /** The highest priority. */
    public static final int MAX_PRIORITY = 9;
    /** The most skill requirements one item may carry. */
    public static final int MAX_SKILLS = 20;

    public EnqueueRequest {
        RoutingIds.require("work item id", itemId);
        RoutingIds.require("queue id", queueId);
        RoutingIds.require("category", category);
        if (channel == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "channel of work item '" + itemId + "' is missing");
        }
        skills = skills == null ? List.of() : List.copyOf(skills);
        if (skills.size() > MAX_SKILLS) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "skill requirements of work item '" + itemId + "' (" + skills.size() + ") exceed the allowed maximum ("
                            + MAX_SKILLS + ")");
        }
        language = RoutingIds.language(language);
        checkPriority(priority);
    }

    /** Throws INVALID_INPUT unless {@code priority} is within 0 to 9. */
    public static int checkPriority(int priority) {
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "priority (" + priority + ") must be between " + MIN_PRIORITY + " and " + MAX_PRIORITY);
        }
        return priority;
    }
}
