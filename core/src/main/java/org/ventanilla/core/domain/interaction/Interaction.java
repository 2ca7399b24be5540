package org.ventanilla.core.domain.interaction;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ventanilla.core.domain.cases.CaseNumber;
import org.ventanilla.core.domain.citizen.CitizenId;
import org.ventanilla.core.domain.citizen.ContactKind;
import org.ventanilla.core.domain.citizen.ContactPoint;
import org.ventanilla.core.domain.citizen.IdentityStatus;

/**
 * One contact of a citizen with the city on one channel, as intake stored it.
 *
 * @param citizenId the proposed or confirmed citizen, null when anonymous
 * @param identityStatus how sure the link to the citizen is, null when anonymous
 * @param caseNumber the radicado when the contact is a petition or deferred work, else null
 * @param contactPoints the addresses the contact itself carried (the caller's number, the sender's email, what the
 *     citizen typed in the chat form), validated; where to answer this contact (a callback dials the phone); empty when
 *     anonymous. Personal data: they print masked.
 */
public record Interaction(InteractionId id, Channel channel, Direction direction, String externalId, Instant receivedAt,
        CitizenId citizenId, IdentityStatus identityStatus, String categoryCode, double confidence, boolean deferred,
        boolean emergency, CaseNumber caseNumber, String subject, String text, List<String> attachmentIds,
        List<ContactPoint> contactPoints) {

    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(categoryCode, "categoryCode");
        if ((citizenId == null) != (identityStatus == null)) {
            throw new IllegalArgumentException("citizen and identity status go together");
        }
        text = text == null ? "" : text;
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
        contactPoints = contactPoints == null ? List.of() : List.copyOf(contactPoints);
    }

    /** An interaction that keeps no contact point of its own. */
    public Interaction(InteractionId id, Channel channel, Direction direction, String externalId, Instant receivedAt,
            CitizenId citizenId, IdentityStatus identityStatus, String categoryCode, double confidence, boolean deferred,
            boolean emergency, CaseNumber caseNumber, String subject, String text, List<String> attachmentIds) {
        this(id, channel, direction, externalId, receivedAt, citizenId, identityStatus, categoryCode, confidence, deferred, emergency,
                caseNumber, subject, text, attachmentIds, List.of());
    }

    /** The first contact point of that kind the contact carried (a phone to call back), if any. */
    public Optional<ContactPoint> contactPoint(ContactKind kind) {
        return contactPoints.stream().filter(p -> p.kind() == kind).findFirst();
    }

    /** This interaction turned into deferred work filed under {@code number}. */
    public Interaction deferredAs(CaseNumber number) {
        return new Interaction(id, channel, direction, externalId, receivedAt, citizenId, identityStatus, categoryCode, confidence,
                true, emergency, number, subject, text, attachmentIds, contactPoints);
    }

    /** This interaction linked to {@code citizen} with {@code status}. */
    public Interaction linkedTo(CitizenId citizen, IdentityStatus status) {
        return new Interaction(id, channel, direction, externalId, receivedAt, citizen, status, categoryCode, confidence, deferred,
                emergency, caseNumber, subject, text, attachmentIds, contactPoints);
    }

    public Optional<CaseNumber> radicado() {
        return Optional.ofNullable(caseNumber);
    }

    /** Masked form: no text, no citizen data. */
    @Override
    public String toString() {
        return "Interaction[" + id + ", " + channel.code() + ", " + categoryCode + (caseNumber == null ? "" : ", " + caseNumber) + "]";
    }

    /** Inbound from the citizen or outbound to them. */
    public enum Direction { INBOUND, OUTBOUND }
}
