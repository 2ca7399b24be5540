package org.ventanilla.core.domain.calendar;

import java.time.LocalDate;
import java.util.Objects;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * The extension of a term: decided before the original due date, with a reason, to a new due date after the
 * original one and no later than the law allows ({@link LegalTerm#maxTotalBusinessDays()}). Built by
 * {@link Deadlines#extend}, which computes the dates; the record checks that they hold together.
 *
 * @param term the legal term extended
 * @param originalDueDate the due date before the extension
 * @param newDueDate the extended due date
 * @param latestAllowedDueDate the latest due date the law allows for this term
 * @param reason why the answer cannot be given in time (told to the citizen)
 * @param decidedOn the date, in the entity's zone, the extension was decided
 */
public record Extension(LegalTerm term, LocalDate originalDueDate, LocalDate newDueDate, LocalDate latestAllowedDueDate,
        String reason, LocalDate decidedOn) {

    /** The longest reason accepted. */
    public static final int MAX_REASON_LENGTH = 2000;

    public Extension {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(originalDueDate, "originalDueDate");
        Objects.requireNonNull(newDueDate, "newDueDate");
        Objects.requireNonNull(latestAllowedDueDate, "latestAllowedDueDate");
        Objects.requireNonNull(decidedOn, "decidedOn");
        if (reason == null || reason.isBlank()) {
            throw invalid("an extension of " + term + " needs a reason");
        }
        reason = reason.strip();
        if (reason.length() > MAX_REASON_LENGTH) {
            throw invalid("extension reason is longer than " + MAX_REASON_LENGTH + " characters (found " + reason.length() + ")");
        }
        if (!newDueDate.isAfter(originalDueDate)) {
            throw invalid("extended due date " + newDueDate + " must be after the original due date " + originalDueDate);
        }
        if (newDueDate.isAfter(latestAllowedDueDate)) {
            throw invalid("extended due date " + newDueDate + " is after the latest allowed for " + term + " ("
                    + latestAllowedDueDate + ": " + term.maxTotalBusinessDays() + " business days after receipt, "
                    + term.legalBasis() + ")");
        }
        if (decidedOn.isAfter(originalDueDate)) {
            throw invalid("an extension must be decided by the original due date " + originalDueDate + " (decided on "
                    + decidedOn + ")");
        }
    }

    private static VentanillaException invalid(String message) {
        return new VentanillaException(ErrorCode.INVALID_INPUT, message);
    }
}
