package org.ventanilla.core.domain.cases;

/** Where a case stands. Terms keep running in every state but the closed ones. */
public enum CaseStatus {
    /** Filed with a radicado, waiting in the owning team's work list. */
    FILED,
    /** Claimed by or assigned to a back-office user. */
    ASSIGNED,
    /** Waiting for the citizen to complete it (Ley 1755 art. 17: the term restarts when completed). */
    WAITING_FOR_CITIZEN,
    /** Answered to the citizen. */
    ANSWERED,
    /** Closed (answered, withdrawn or forwarded). */
    CLOSED;

    public boolean isOpen() {
        return this != ANSWERED && this != CLOSED;
    }
}
