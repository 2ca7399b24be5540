package org.ventanilla.core.domain.answers;

import java.time.Instant;
import java.util.Objects;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * That a reply carried an approved answer: which one and which version, in which interaction, on which
 * channel, when. Reports compare these with free-text replies to find where answers diverge.
 *
 * @param answerId      id of the approved answer
 * @param version       its version
 * @param interactionId the interaction the reply belongs to
 * @param channel       the rendering used
 * @param at            when the reply was sent
 */
public record AnswerUse(String answerId, int version, String interactionId, AnswerChannel channel, Instant at) {

    public AnswerUse {
        if (answerId == null || answerId.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "answer id of an answer use is required");
        }
        if (version < 1) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "version " + version + " of answer '" + answerId + "' must be 1 or more");
        }
        if (interactionId == null || interactionId.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "interaction id of a use of answer '" + answerId + "' is required");
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
    }

    /** The use of that answer version. */
    public static AnswerUse of(ApprovedAnswer answer, String interactionId, AnswerChannel channel, Instant at) {
        return new AnswerUse(answer.id(), answer.version(), interactionId, channel, at);
    }
}
