package org.ventanilla.core.domain.interaction;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ventanilla.core.domain.cases.CaseNumber;
import org.ventanilla.core.domain.citizen.CitizenId;
import org.ventanilla.core.domain.citizen.IdentityStatus;

/**
 * One contact of a citizen with the city on one channel, as intake stored it.
 *
 * @param citizenId the proposed or confirmed citizen, null when anonymous
 * @param identityStatus how sure the link to the citizen is, null when anonymous
 * @param caseNumber the radicado when the contact is a petition or deferred work, else null
 */
public record Interaction(InteractionId id, Channel channel, Direction direction, String externalId, Instant receivedAt,
        CitizenId citizenId, IdentityStatus identityStatus, String categoryCode, double confidence, boolean deferred,
        boolean emergency, CaseNumber caseNumber, String subject, String text, List<String> attachmentIds) {

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
