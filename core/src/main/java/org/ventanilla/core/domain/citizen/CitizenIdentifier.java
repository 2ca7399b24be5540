package org.ventanilla.core.domain.citizen;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * One identification document of a citizen: its type and its number in normalized form (see
 * {@link IdentifierType} for the rules and the normalized forms).
 *
 * <p>{@link #value()} gives the full number, for storage and matching only. {@link #toString()} is masked
 * ({@code CC ******4050}) so an identifier can be logged or put in a message without leaking it.
 *
 * @param type the document type
 * @param value the number, normalized by the constructor (dots and spaces removed, NIT and RUN as
 *     {@code body-check})
 */
public record CitizenIdentifier(IdentifierType type, String value) {

    /**
     * Validates and normalizes.
     *
     * @throws VentanillaException INVALID_INPUT naming the type and the rule broken, never the value
     */
    public CitizenIdentifier {
        if (type == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "identifier type is required");
        }
        value = type.normalize(value);
    }

    /**
     * Parses a number as a citizen or an agency wrote it.
     *
     * @throws VentanillaException INVALID_INPUT naming the type and the rule broken, never the value
     */
    public static CitizenIdentifier parse(IdentifierType type, String raw) {
        return new CitizenIdentifier(type, raw);
    }

    /**
     * Parses a type code ({@code CC}, {@code NUIP}, ...) and a number.
     *
     * @throws VentanillaException INVALID_INPUT for an unknown type or a number that breaks its rule
     */
    public static CitizenIdentifier parse(String typeCode, String raw) {
        return new CitizenIdentifier(IdentifierType.fromCode(typeCode), raw);
    }

    /** The number with all but its last digits masked, e.g. {@code ******4050}. */
    public String maskedValue() {
        return Masking.keepLast(value, Masking.MAX_VISIBLE);
    }

    /** The type and the masked number, e.g. {@code CC ******4050}; never the full number. */
    @Override
    public String toString() {
        return type.name() + " " + maskedValue();
    }
}
