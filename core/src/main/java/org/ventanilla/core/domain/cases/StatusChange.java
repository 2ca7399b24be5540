package org.ventanilla.core.domain.cases;

import java.time.Instant;
import java.util.Objects;

/** One step of a case's status history: the new status, when, who (a user name or "system") and why. */
public record StatusChange(CaseStatus status, Instant at, String by, String note) {

    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        note = note == null ? "" : note;
    }
}
