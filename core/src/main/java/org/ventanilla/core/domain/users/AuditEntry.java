package org.ventanilla.core.domain.users;

import java.time.Instant;
import java.util.Objects;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * That a staff user read a citizen's personal data: who, whose, when, why, and what was read. Every such
 * read is logged this way (Ley 1581), so that the entity can answer the citizen and the data-protection
 * authority.
 *
 * @param staffUserId id of the {@link User} who read
 * @param citizenId   id of the citizen whose data was read
 * @param at          when
 * @param purpose     why: the task that needed it, for example "atender llamada int-000123"
 * @param whatWasRead which data: "vista unificada", "historial de contactos", "registro fuente Registraduría"...
 */
public record AuditEntry(String staffUserId, String citizenId, Instant at, String purpose, String whatWasRead) {

    public static final int MAX_TEXT = 500;

    public AuditEntry {
        if (staffUserId == null || staffUserId.isBlank()) {
            throw invalid("staff user of an audit entry is required");
        }
        if (citizenId == null || citizenId.isBlank()) {
            throw invalid("citizen id of an audit entry is required");
        }
        Objects.requireNonNull(at, "at");
        if (purpose == null || purpose.isBlank() || purpose.length() > MAX_TEXT) {
            throw invalid("purpose of an audit entry must be 1 to " + MAX_TEXT + " characters: every read needs a reason");
        }
        if (whatWasRead == null || whatWasRead.isBlank() || whatWasRead.length() > MAX_TEXT) {
            throw invalid("what was read must be 1 to " + MAX_TEXT + " characters");
        }
    }

    @Override
    public String toString() {
        // The purpose is free text that may name the citizen: only its length is shown.
        return "AuditEntry[staffUserId=" + staffUserId + ", citizenId=" + Masking.mask(citizenId) + ", at=" + at + ", purpose="
                + purpose.length() + " chars, whatWasRead=" + whatWasRead + "]";
    }

    private static VentanillaException invalid(String message) {
        return new VentanillaException(ErrorCode.INVALID_INPUT, message);
    }
}
