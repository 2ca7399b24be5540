package org.ventanilla.routing.model;

import java.time.Duration;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.Channel;

/**
 * A service-level goal: {@code percent} of the items answered within {@code target} (80 % within 20 s for voice).
 * The target also sets the pace of ageing: an item's urgency rises by one priority level per target waited.
 *
 * @param target  the answer time to meet, positive
 * @param percent the share of items that should meet it, 1 to 100
 */
public record ServiceLevel(Duration target, int percent) {

    public ServiceLevel {
        if (target == null || target.isNegative() || target.isZero()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "service-level target (" + target + ") must be positive");
        }
        if (percent < 1 || percent > 100) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "service-level percent (" + percent + ") must be between 1 and 100");
        }
    }

    /** 80 % within 20 s for voice, 60 s for chat, 24 h for email and Open311. */
    public static ServiceLevel defaultFor(Channel channel) {
        switch (channel) {
            case VOICE:
                return new ServiceLevel(Duration.ofSeconds(20), 80);
            case CHAT:
                return new ServiceLevel(Duration.ofSeconds(60), 80);
            case EMAIL:
            case OPEN311:
                return new ServiceLevel(Duration.ofHours(24), 80);
            default:
                throw new IllegalArgumentException("unknown channel " + channel);
        }
    }
}
