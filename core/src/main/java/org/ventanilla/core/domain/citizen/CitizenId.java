package org.ventanilla.core.domain.citizen;

import java.util.UUID;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * The id Ventanilla gives a citizen record: a random UUID, meaningless outside Ventanilla and so safe to log.
 *
 * @param value the UUID
 */
public record CitizenId(UUID value) {

    public CitizenId {
        if (value == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "citizen id is required");
        }
    }

    /** A new random id. */
    public static CitizenId random() {
        return new CitizenId(UUID.randomUUID());
    }

    /**
     * Reads the text form of a UUID.
     *
     * @throws VentanillaException INVALID_INPUT when the text is not a UUID
     */
    public static CitizenId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "citizen id is required");
        }
        try {
            String trimmed = text.strip();
            UUID uuid = UUID.fromString(trimmed);
            if (!uuid.toString().equalsIgnoreCase(trimmed)) {
                throw new IllegalArgumentException("not canonical");
            }
            return new CitizenId(uuid);
        } catch (IllegalArgumentException e) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "citizen id must be a UUID (36 characters)");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
