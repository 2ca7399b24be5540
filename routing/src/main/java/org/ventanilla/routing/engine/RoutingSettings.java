package org.ventanilla.routing.engine;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.Channel;

/**
 * The engine's timing and limits.
 *
 * @param offerTimeouts          how long an agent has to answer an offer, per channel
 * @param wrapUps                how long wrap-up lasts at most after completing, per channel (zero: none)
 * @param missedOffersBeforeAway offers timed out in a row after which the agent is set AWAY ("ofertas perdidas")
 * @param deadlineWarningShare   share of a case's term after which a deadline warning is given (0.75)
 * @param rememberFinished       how many finished item ids are remembered so that a late duplicate enqueue is ignored
 */
public record RoutingSettings(Map<Channel, Duration> offerTimeouts, Map<Channel, Duration> wrapUps, int missedOffersBeforeAway,
        double deadlineWarningShare, int rememberFinished) {

    /** Offers: voice 20 s, chat 30 s, email and Open311 120 s; wrap-up: voice 30 s, chat 15 s, email and Open311 none;
     * away after 3 missed offers; deadline warning at 75 % of the term; 10,000 finished ids remembered. */
    public static final RoutingSettings DEFAULTS = new RoutingSettings(
            Map.of(Channel.VOICE, Duration.ofSeconds(20), Channel.CHAT, Duration.ofSeconds(30),
                    Channel.EMAIL, Duration.ofSeconds(120), Channel.OPEN311, Duration.ofSeconds(120)),
            Map.of(Channel.VOICE, Duration.ofSeconds(30), Channel.CHAT, Duration.ofSeconds(15),
                    Channel.EMAIL, Duration.ZERO, Channel.OPEN311, Duration.ZERO),
            3, 0.75, 10_000);

    public RoutingSettings {
        offerTimeouts = complete(offerTimeouts, "offer timeout", false);
        wrapUps = complete(wrapUps, "wrap-up time", true);
        if (missedOffersBeforeAway < 1) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "missed offers before away (" + missedOffersBeforeAway + ") must be at least 1");
        }
        if (!(deadlineWarningShare > 0 && deadlineWarningShare < 1)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "deadline warning share (" + deadlineWarningShare + ") must be between 0 and 1, exclusive");
        }
        if (rememberFinished < 0) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "remembered finished items (" + rememberFinished
                    + ") must not be negative");
        }
    }

    public Duration offerTimeout(Channel channel) {
        return offerTimeouts.get(channel);
    }

    public Duration wrapUp(Channel channel) {
        return wrapUps.get(channel);
    }

    public RoutingSettings withOfferTimeout(Channel channel, Duration timeout) {
        Map<Channel, Duration> copy = new EnumMap<>(offerTimeouts);
        copy.put(channel, timeout);
        return new RoutingSettings(copy, wrapUps, missedOffersBeforeAway, deadlineWarningShare, rememberFinished);
    }

    public RoutingSettings withWrapUp(Channel channel, Duration wrapUp) {
        Map<Channel, Duration> copy = new EnumMap<>(wrapUps);
        copy.put(channel, wrapUp);
        return new RoutingSettings(offerTimeouts, copy, missedOffersBeforeAway, deadlineWarningShare, rememberFinished);
    }

    public RoutingSettings withMissedOffersBeforeAway(int missed) {
        return new RoutingSettings(offerTimeouts, wrapUps, missed, deadlineWarningShare, rememberFinished);
    }

    public RoutingSettings withDeadlineWarningShare(double share) {
        return new RoutingSettings(offerTimeouts, wrapUps, missedOffersBeforeAway, share, rememberFinished);
    }

    private static Map<Channel, Duration> complete(Map<Channel, Duration> given, String what, boolean zeroAllowed) {
        EnumMap<Channel, Duration> copy = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            Duration value = given == null ? null : given.get(channel);
            if (value == null || value.isNegative() || !zeroAllowed && value.isZero()) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, what + " of " + channel + " (" + value + ") must be "
                        + (zeroAllowed ? "zero or positive" : "positive"));
            }
            copy.put(channel, value);
        }
        return Map.copyOf(copy);
    }
}
