package org.ventanilla.core.domain.catalog;

import java.util.Objects;

/**
 * A queue that live contacts of some categories wait in, with its opening hours and how routing treats the contacts
 * waiting in it. Out of hours the IVR says so and offers a message or a callback, chat offers to leave a message;
 * email is unaffected.
 *
 * @param code         stable code, for example {@code "tramites"}
 * @param nameEs       Spanish name
 * @param nameEn       English name
 * @param openingHours when agents of this queue answer live contacts
 * @param routing      skills, service levels, size, maximum wait, relaxation and overflow ({@link QueueRouting#DEFAULTS}
 *                     when the catalog sets none)
 */
public record ServiceQueue(String code, String nameEs, String nameEn, OpeningHours openingHours, QueueRouting routing) {

    public ServiceQueue {
        code = Checks.requireCode(code, "queue code");
        nameEs = Checks.requireText(nameEs, "Spanish name of queue '" + code + "'", 120);
        nameEn = Checks.requireText(nameEn, "English name of queue '" + code + "'", 120);
        Objects.requireNonNull(openingHours, "openingHours");
        routing = routing == null ? QueueRouting.DEFAULTS : routing;
        if (routing.overflowQueue().filter(code::equals).isPresent()) {
            throw Checks.invalid("queue '" + code + "' cannot overflow into itself");
        }
    }

    /** A queue with routing's defaults (no skills, default service levels, no maximum wait). */
    public ServiceQueue(String code, String nameEs, String nameEn, OpeningHours openingHours) {
        this(code, nameEs, nameEn, openingHours, QueueRouting.DEFAULTS);
    }
}
