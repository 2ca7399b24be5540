package org.ventanilla.core.port;

import java.time.Duration;
import java.util.Optional;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Leases: a named singleton duty (reading a mailbox, the outbox relay, deadline scans) held by one node
 * at a time for a time-to-live, renewed while the node lives, taken over by another node once it lapses.
 *
 * <p>Every method throws {@link VentanillaException} INVALID_INPUT for a bad name, holder or ttl, and
 * UNAVAILABLE when the backing server cannot be reached (a caller such as
 * {@link org.ventanilla.core.lease.LeaseKeeper} then assumes it lost the lease once the ttl could have lapsed).
 */
public interface Leases extends AutoCloseable {

    /** The longest lease name or holder accepted. */
    int MAX_NAME_LENGTH = 200;

    /** Takes the lease if it is free or already ours; true when {@code holder} holds it afterwards. */
    boolean tryAcquire(String name, String holder, Duration ttl);

    /** Extends our lease; false when it is not (or no longer) held by {@code holder}. */
    boolean renew(String name, String holder, Duration ttl);

    /** Gives the lease up if {@code holder} holds it. */
    void release(String name, String holder);

    /** Who holds the lease now, if anyone. */
    Optional<String> holder(String name);

    /** False while the backing server cannot be reached. */
    boolean isReachable();

    @Override
    void close();

    /**
     * Checks a lease name or holder: 1 to {@value #MAX_NAME_LENGTH} visible characters, no spaces. Both are
     * chosen by code and configuration (for example {@code outbox-relay} and a node id), never by a citizen.
     */
    static String checkName(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "lease " + what + " is missing");
        }
        if (value.length() > MAX_NAME_LENGTH) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "lease " + what + " length (" + value.length() + ") exceeds the allowed maximum (" + MAX_NAME_LENGTH + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "lease " + what + " contains a space or control character");
            }
        }
        return value;
    }

    /** Checks a time-to-live: at least one millisecond (the resolution of every adapter). */
    static Duration checkTtl(Duration ttl) {
        if (ttl == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "lease ttl is missing");
        }
        if (ttl.toMillis() < 1) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "lease ttl (" + ttl + ") is below the allowed minimum (PT0.001S)");
        }
        return ttl;
    }
}
