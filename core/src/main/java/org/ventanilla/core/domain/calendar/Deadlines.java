package org.ventanilla.core.domain.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Due dates of cases. The receipt date is the date of reception in the entity's zone; a term of N business days
 * ends on the N-th business day after it, counting from the next day. So something received on a Saturday (or
 * on a holiday that follows the weekend) has the same due date as something received on the Friday before,
 * and an instant just before midnight in Bogotá is a day earlier than one just after. Thread-safe.
 */
public final class Deadlines {

    private final BusinessCalendar calendar;

    public Deadlines(BusinessCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    /** The due date of something received at {@code receivedAt} under {@code term}. */
    public LocalDate dueDate(Instant receivedAt, LegalTerm term) {
        return dueDate(calendar.receiptDate(receivedAt), term);
    }

    /** The due date of something whose receipt date is {@code receiptDate} under {@code term}. */
    public LocalDate dueDate(LocalDate receiptDate, LegalTerm term) {
        Objects.requireNonNull(term, "term");
        return calendar.addBusinessDays(receiptDate, term.businessDays());
    }

    /** The latest due date an extension may give (twice the term under Ley 1755; less under Ley 1581). */
    public LocalDate latestExtendedDueDate(Instant receivedAt, LegalTerm term) {
        Objects.requireNonNull(term, "term");
        return calendar.addBusinessDays(calendar.receiptDate(receivedAt), term.maxTotalBusinessDays());
    }

    /**
     * Extends the term of something received at {@code receivedAt} to {@code newDueDate}, decided today (by the
     * calendar's clock).
     *
     * @throws VentanillaException INVALID_INPUT when the reason is blank, the new date is not a business day, not
     *     after the original due date or after the latest allowed, or the original term has already ended
     */
    public Extension extend(Instant receivedAt, LegalTerm term, LocalDate newDueDate, String reason) {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(newDueDate, "newDueDate");
        if (!calendar.isBusinessDay(newDueDate)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "extended due date " + newDueDate + " is not a business day");
        }
        return new Extension(term, dueDate(receivedAt, term), newDueDate, latestExtendedDueDate(receivedAt, term), reason,
                calendar.today());
    }

    /** Business days left from today to {@code dueDate}: 0 on the due date, negative once it has passed. */
    public int businessDaysLeft(LocalDate dueDate) {
        return calendar.businessDaysBetween(calendar.today(), dueDate);
    }
}
