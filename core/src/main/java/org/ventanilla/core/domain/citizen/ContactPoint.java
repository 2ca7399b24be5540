package org.ventanilla.core.domain.citizen;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * An address at which a citizen can be reached: a phone number, an email address or a chat handle. A contact
 * point only <em>proposes</em> who the citizen is (see {@link MatchProposal}); identity is confirmed by an
 * identifier or by an agent.
 *
 * <p>Implementations are records that validate and normalize themselves; {@link #toString()} is masked and
 * {@link #value()} is the full normalized form, for storage and matching only.
 */
public sealed interface ContactPoint permits PhoneNumber, EmailAddress, ChatHandle {

    /** Which kind of contact point this is. */
    ContactKind kind();

    /** The full normalized form (E.164 phone, lower-case email, {@code network:handle}); personal data. */
    String value();

    /** The masked form, safe to log; the same as {@link #toString()}. */
    String masked();

    /**
     * Parses a contact point of the given kind (phones with the default region CO).
     *
     * @throws VentanillaException INVALID_INPUT when the text breaks the kind's rule
     */
    static ContactPoint parse(ContactKind kind, String raw) {
        if (kind == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "contact point kind is required");
        }
        switch (kind) {
            case PHONE:
                return PhoneNumber.parse(raw);
            case EMAIL:
                return EmailAddress.parse(raw);
            case CHAT:
                return ChatHandle.parse(raw);
            default:
                throw new IllegalStateException("unhandled contact kind " + kind);
        }
    }
}
