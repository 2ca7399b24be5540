package org.ventanilla.core.domain.users;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * How much work of each channel an agent takes at once.
 *
 * @param voice          calls at once: 0 or 1
 * @param chat           chat conversations at once (0 to {@value #MAX_CHAT})
 * @param email          emails and Open311 requests at once (0 to {@value #MAX_EMAIL})
 * @param voiceExclusive whether a call in progress blocks every other channel
 */
public record ChannelCapacity(int voice, int chat, int email, boolean voiceExclusive) {

    public static final int MAX_CHAT = 10;
    public static final int MAX_EMAIL = 50;

    /** Voice 1 and exclusive, chat 3, email 5. */
    public static final ChannelCapacity DEFAULT = new ChannelCapacity(1, 3, 5, true);

    public ChannelCapacity {
        if (voice < 0 || voice > 1) {
            throw invalid("voice capacity (" + voice + ") must be 0 or 1");
        }
        if (chat < 0 || chat > MAX_CHAT) {
            throw invalid("chat capacity (" + chat + ") must be 0 to " + MAX_CHAT);
        }
        if (email < 0 || email > MAX_EMAIL) {
            throw invalid("email capacity (" + email + ") must be 0 to " + MAX_EMAIL);
        }
    }

    private static VentanillaException invalid(String message) {
        return new VentanillaException(ErrorCode.INVALID_INPUT, message);
    }
}
