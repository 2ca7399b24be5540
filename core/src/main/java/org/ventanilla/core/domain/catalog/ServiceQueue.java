package org.ventanilla.core.domain.catalog;

import java.util.Objects;

/**
 * A queue that live contacts of some categories wait in, with its opening hours. Out of hours the IVR says
 * so and offers a message or a callback, chat offers to leave a message; email is unaffected.
 *
 * @param code         stable code, for example {@code "tramites"}
 * @param nameEs       Spanish name
 * @param nameEn       English name
 * @param openingHours when agents of this queue answer live contacts
 */
public record ServiceQueue(String code, String nameEs, String nameEn, OpeningHours openingHours) {

    public ServiceQueue {
        code = Checks.requireCode(code, "queue code");
        nameEs = Checks.requireText(nameEs, "Spanish name of queue '" + code + "'", 120);
        nameEn = Checks.requireText(nameEn, "English name of queue '" + code + "'", 120);
        Objects.requireNonNull(openingHours, "openingHours");
    }
}
