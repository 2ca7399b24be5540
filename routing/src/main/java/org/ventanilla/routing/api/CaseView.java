package org.ventanilla.routing.api;

import java.time.Instant;

/**
 * One deferred case on a team's work list.
 *
 * @param caseId     the case
 * @param teamId     the owning team
 * @param category   the service category
 * @param receivedAt when the term started
 * @param dueAt      when the term ends
 * @param assigneeId the agent working it, or {@code null} when nobody claimed it yet
 * @param warned     true once the deadline warning was given
 * @param overdue    true once the due time passed
 */
public record CaseView(String caseId, String teamId, String category, Instant receivedAt, Instant dueAt, String assigneeId,
        boolean warned, boolean overdue) {
}
