package org.ventanilla.core.domain.answers;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * The one source an approved answer is written in; every channel's rendering comes from it (see
 * {@link AnswerRenderer}), so that the answer is the same whatever the channel.
 *
 * @param summary the answer in two or three sentences (the chat rendering, and the start of the email)
 * @param details what the email adds after the summary: steps, terms, exceptions; may be null
 * @param spoken  wording for the voice rendering when the summary does not read well aloud (links,
 *                numbers); null to derive it from the summary
 */
public record AnswerSource(String summary, String details, String spoken) {

    /** Longest summary, so that the chat rendering stays short. */
    public static final int MAX_SUMMARY = 600;
    /** Longest details. */
    public static final int MAX_DETAILS = 8_000;

    public AnswerSource {
        summary = require(summary, "summary", MAX_SUMMARY);
        details = optional(details, "details", MAX_DETAILS);
        spoken = optional(spoken, "spoken text", AnswerRenderer.MAX_VOICE);
    }

    private static String require(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "answer " + what + " is required");
        }
        return optional(value, what, max);
    }

    private static String optional(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "answer " + what + " is too long (" + stripped.length() + " characters, at most " + max + ")");
        }
        return stripped;
    }

    /** All the text of the source, for search. */
    public String fullText() {
        StringBuilder all = new StringBuilder(summary);
        if (details != null) {
            all.append("\n\n").append(details);
        }
        if (spoken != null) {
            all.append("\n\n").append(spoken);
        }
        return all.toString();
    }
}
