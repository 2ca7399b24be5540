package org.ventanilla.core.domain.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ventanilla.core.domain.calendar.LegalTerm;
import org.ventanilla.core.domain.citizen.CitizenId;
import org.ventanilla.core.domain.interaction.InteractionId;

/**
 * A case with a radicado: a petition or deferred work with a legal due date, owned by a team, with its
 * status history (the last entry is the current status).
 *
 * @param citizenId null for an anonymous petition
 */
public record ServiceCase(CaseNumber number, InteractionId interactionId, String categoryCode, String owningTeam,
        LegalTerm term, Instant receivedAt, LocalDate receiptDate, LocalDate dueDate, CitizenId citizenId,
        List<StatusChange> history) {

    public ServiceCase {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(owningTeam, "owningTeam");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(receiptDate, "receiptDate");
        Objects.requireNonNull(dueDate, "dueDate");
        if (history == null || history.isEmpty()) {
            throw new IllegalArgumentException("case " + number + " needs at least one status");
        }
        if (dueDate.isBefore(receiptDate)) {
            throw new IllegalArgumentException("case " + number + " is due (" + dueDate + ") before its receipt (" + receiptDate + ")");
        }
        history = List.copyOf(history);
    }

    public CaseStatus status() {
        return history.get(history.size() - 1).status();
    }

    /** This case with one more status change. */
    public ServiceCase withStatus(StatusChange change) {
        List<StatusChange> next = new ArrayList<>(history);
        next.add(change);
        return new ServiceCase(number, interactionId, categoryCode, owningTeam, term, receivedAt, receiptDate, dueDate,
                citizenId, next);
    }

    /** What a status request by radicado may reveal on any channel: never personal data. */
    public PublicStatus publicStatus() {
        return new PublicStatus(number, status(), categoryCode, dueDate);
    }

    @Override
    public String toString() {
        return "ServiceCase[" + number + ", " + categoryCode + ", " + status() + ", due " + dueDate + "]";
    }

    /** The status of a case as anyone holding its radicado may see it. */
    public record PublicStatus(CaseNumber number, CaseStatus status, String categoryCode, LocalDate dueDate) {
    }
}
