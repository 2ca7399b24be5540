package org.ventanilla.core.domain.interaction;

import java.util.Locale;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/** The ways a citizen reaches the city. */
public enum Channel {
    VOICE, CHAT, EMAIL, OPEN311;

    /** The channel named by {@code code} (case-insensitive), or INVALID_INPUT listing the known ones. */
    public static Channel parse(String code) {
        if (code != null) {
            for (Channel c : values()) {
                if (c.name().equals(code.trim().toUpperCase(Locale.ROOT))) {
                    return c;
                }
            }
        }
        throw new VentanillaException(ErrorCode.INVALID_INPUT,
                "unknown channel '" + code + "' (known: voice, chat, email, open311)");
    }

    /** Lower-case code used in storage, events and configuration. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
