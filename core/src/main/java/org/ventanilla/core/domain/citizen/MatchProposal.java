package org.ventanilla.core.domain.citizen;

import java.util.Objects;
import java.util.Optional;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * A link between a contact and a citizen, with how sure it is. A phone number, email address or chat handle
 * only <em>proposes</em> the citizen ({@link IdentityStatus#PROPOSED}); an identifier confirms it, and so does
 * an agent who checked ({@link #confirmByAgent(String)}). The record refuses any other combination, so a
 * proposal can never become a confirmation silently.
 *
 * @param citizenId the proposed or confirmed citizen
 * @param evidence what links the contact to the citizen
 * @param status proposed or confirmed
 * @param confirmedBy the user id of the agent who confirmed, or {@code null} when no agent did
 */
public record MatchProposal(CitizenId citizenId, MatchEvidence evidence, IdentityStatus status, String confirmedBy) {

    /** The longest agent user id accepted. */
    public static final int MAX_AGENT_ID_LENGTH = 64;

    public MatchProposal {
        Objects.requireNonNull(citizenId, "citizenId");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(status, "status");
        if (confirmedBy != null) {
            confirmedBy = confirmedBy.strip();
            if (confirmedBy.isEmpty() || confirmedBy.length() > MAX_AGENT_ID_LENGTH) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT,
                        "agent id must have 1 to " + MAX_AGENT_ID_LENGTH + " characters (found " + confirmedBy.length() + ")");
            }
            if (status != IdentityStatus.CONFIRMED) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "a match confirmed by an agent must have status CONFIRMED");
            }
        }
        if (status == IdentityStatus.CONFIRMED && !evidence.confirms() && confirmedBy == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "a match by " + evidence + " is only PROPOSED until an agent confirms it");
        }
        if (status == IdentityStatus.PROPOSED && evidence.confirms()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "a match by IDENTIFIER is CONFIRMED, not PROPOSED");
        }
    }

    /** A proposal from a contact point: PROPOSED. */
    public static MatchProposal byContactPoint(CitizenId citizenId, ContactPoint contactPoint) {
        return new MatchProposal(citizenId, MatchEvidence.of(contactPoint.kind()), IdentityStatus.PROPOSED, null);
    }

    /** A match from an identification document: CONFIRMED. */
    public static MatchProposal byIdentifier(CitizenId citizenId, CitizenIdentifier identifier) {
        Objects.requireNonNull(identifier, "identifier");
        return new MatchProposal(citizenId, MatchEvidence.IDENTIFIER, IdentityStatus.CONFIRMED, null);
    }

    /** This match confirmed by an agent (user id) who checked who the citizen is. */
    public MatchProposal confirmByAgent(String agentId) {
        if (agentId == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "agent id is required to confirm a match");
        }
        return new MatchProposal(citizenId, evidence, IdentityStatus.CONFIRMED, agentId);
    }

    /** Whether identity is established. */
    public boolean isConfirmed() {
        return status == IdentityStatus.CONFIRMED;
    }

    /** The agent who confirmed, if one did. */
    public Optional<String> agent() {
        return Optional.ofNullable(confirmedBy);
    }
}
