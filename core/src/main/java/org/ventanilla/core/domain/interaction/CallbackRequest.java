package org.ventanilla.core.domain.interaction;

import java.time.Instant;
import java.util.Objects;
import org.ventanilla.core.domain.citizen.PhoneNumber;

/**
 * A call the city owes a citizen: a voice contact waited its queue's maximum, and instead of holding the line longer an
 * agent of the owning team calls the citizen back. There is at most one per contact; it sits on the team's work list as
 * {@link #workListId()} until an agent has called.
 *
 * @param interactionId the voice contact that could not be answered
 * @param phone         the number to dial, as the contact carried it (personal data: prints masked)
 * @param categoryCode  the contact's service category
 * @param owningTeam    the team whose agents call back
 * @param queue         the queue the contact waited in
 * @param requestedAt   when the contact overflowed
 * @param dueAt         when the call should have been made by; after {@code requestedAt}
 */
public record CallbackRequest(InteractionId interactionId, PhoneNumber phone, String categoryCode, String owningTeam, String queue,
        Instant requestedAt, Instant dueAt) {

    /** Start of the work-list id of a callback, telling it from a case's radicado. */
    public static final String WORK_LIST_PREFIX = "callback:";

    public CallbackRequest {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(owningTeam, "owningTeam");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        if (!dueAt.isAfter(requestedAt)) {
            throw new IllegalArgumentException("callback of interaction " + interactionId + " is due (" + dueAt
                    + ") before it was requested (" + requestedAt + ")");
        }
    }

    /** Its id on the team's work list: {@code callback:<interaction id>}. */
    public String workListId() {
        return WORK_LIST_PREFIX + interactionId.value();
    }

    /** Masked: the phone shows its country code and last digits only. */
    @Override
    public String toString() {
        return "CallbackRequest[" + interactionId + ", " + phone.masked() + ", " + categoryCode + ", team " + owningTeam + ", due "
                + dueAt + "]";
    }
}
