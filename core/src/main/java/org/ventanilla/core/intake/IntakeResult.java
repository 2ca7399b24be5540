package org.ventanilla.core.intake;

import java.time.LocalDate;
import java.util.Optional;
import org.ventanilla.core.domain.cases.CaseNumber;
import org.ventanilla.core.domain.citizen.CitizenId;
import org.ventanilla.core.domain.citizen.IdentityStatus;
import org.ventanilla.core.domain.interaction.InteractionId;

/**
 * What intake decided about one contact.
 *
 * @param interactionId the stored interaction
 * @param duplicate true when this contact had been taken in before (same channel and external id): nothing
 *     new was stored and the fields are those of the first time
 * @param categoryCode the proposed category ("general" when unsure)
 * @param confidence the classifier's confidence, 0..1
 * @param deferred true for back-office work (a case with a due date)
 * @param emergency true when the text looks like an emergency: give the emergency number at once
 * @param caseNumber the radicado, for every petition and every deferred contact
 * @param dueDate the legal due date of a deferred case
 * @param citizenId the proposed or confirmed citizen (empty for an anonymous contact)
 * @param identityStatus PROPOSED (phone, email) or CONFIRMED (identifier); empty when anonymous
 */
public record IntakeResult(InteractionId interactionId, boolean duplicate, String categoryCode, double confidence,
        boolean deferred, boolean emergency, Optional<CaseNumber> caseNumber, Optional<LocalDate> dueDate,
        Optional<CitizenId> citizenId, Optional<IdentityStatus> identityStatus) {

    /** The emergency number in Colombia. */
    public static final String EMERGENCY_NUMBER = "123";
}
