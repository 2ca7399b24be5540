package org.ventanilla.routing.api;

import java.time.Instant;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Puts a deferred case on its owning team's work list, sent to {@link RoutingAddresses#CASE_ADD}. The due time
 * comes from the business-day calendar in core; routing only orders by it and warns as it nears.
 *
 * @param caseId     the case (its radicado or internal id)
 * @param teamId     the owning team
 * @param category   the service category
 * @param receivedAt when the term started
 * @param dueAt      when the term ends; after {@code receivedAt}
 */
public record CaseRequest(String caseId, String teamId, String category, Instant receivedAt, Instant dueAt) {

    public CaseRequest {
        RoutingIds.require("case id", caseId);
        RoutingIds.require("team id", teamId);
        RoutingIds.require("category", category);
        if (receivedAt == null || dueAt == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "case '" + caseId + "' needs a receipt time and a due time");
        }
        if (!dueAt.isAfter(receivedAt)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "due time of case '" + caseId + "' (" + dueAt + ") must be after its receipt time (" + receivedAt + ")");
        }
    }
}
