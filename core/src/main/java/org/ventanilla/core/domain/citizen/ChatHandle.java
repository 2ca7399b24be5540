package org.ventanilla.core.domain.citizen;

import java.util.Locale;
import java.util.regex.Pattern;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * A citizen's handle on a chat network: the network ({@code webchat}, {@code telegram}, {@code messenger}...)
 * and the account or session id there. The handle is opaque and case-sensitive (many networks' ids are);
 * only surrounding spaces are trimmed. Stored as {@code network:handle} ({@link #value()}).
 *
 * <p>{@link #toString()} keeps the network and at most the last four characters of the handle:
 * {@code telegram:@*******ez01}.
 *
 * @param network lower-case network name: a letter, then letters, digits or hyphens, at most 32
 * @param handle the id on that network: 1 to 128 visible characters, no spaces
 */
public record ChatHandle(String network, String handle) implements ContactPoint {

    /** The longest handle accepted. */
    public static final int MAX_HANDLE_LENGTH = 128;

    private static final Pattern NETWORK = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /**
     * Validates and normalizes.
     *
     * @throws VentanillaException INVALID_INPUT naming the rule broken, never the handle
     */
    public ChatHandle {
        if (network == null || network.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "chat network is required");
        }
        network = network.strip().toLowerCase(Locale.ROOT);
        if (!NETWORK.matcher(network).matches()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "chat network must be a letter then letters, digits or hyphens, at most 32");
        }
        if (handle == null || handle.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "chat handle on " + network + " is required");
        }
        handle = handle.strip();
        if (handle.length() > MAX_HANDLE_LENGTH) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "chat handle on " + network + " is longer than "
                    + MAX_HANDLE_LENGTH + " characters (found " + handle.length() + ")");
        }
        for (int i = 0; i < handle.length(); i++) {
            char c = handle.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT,
                        "chat handle on " + network + " must not contain spaces or control characters");
            }
        }
    }

    /** Parses the stored form {@code network:handle}. */
    public static ChatHandle parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "chat handle is required");
        }
        int colon = raw.indexOf(':');
        if (colon < 0) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "chat handle must be written network:handle");
        }
        return new ChatHandle(raw.substring(0, colon), raw.substring(colon + 1));
    }

    @Override
    public ContactKind kind() {
        return ContactKind.CHAT;
    }

    @Override
    public String value() {
        return network + ":" + handle;
    }

    @Override
    public String masked() {
        return network + ":" + Masking.keepLast(handle, Masking.MAX_VISIBLE);
    }

    @Override
    public String toString() {
        return masked();
    }
}
