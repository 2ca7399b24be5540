package org.ventanilla.core.domain.answers;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * One version of an approved answer: the source it is written in and its rendering for every channel. A
 * new version is made for every change (see {@link AnswerRegistry}); a reply records the id and version it
 * carried, so what the citizen read can always be found again.
 *
 * @param id           stable id, for example {@code "ans-estado-radicado"}
 * @param version      1, 2, 3... per id
 * @param categoryCode service category the answer serves
 * @param title        what staff see in the list of answers
 * @param source       the one source the renderings come from
 * @param renderings   the text for each channel; all three are present
 * @param active       whether agents and self-service may still use this answer
 */
public record ApprovedAnswer(String id, int version, String categoryCode, String title, AnswerSource source,
        Map<AnswerChannel, String> renderings, boolean active) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public ApprovedAnswer {
        if (id == null || !CODE.matcher(id).matches() || id.length() > 80) {
            throw invalid("answer id '" + id + "' is not a lower-case code like 'ans-estado-radicado'");
        }
        if (version < 1) {
            throw invalid("version " + version + " of answer '" + id + "' must be 1 or more");
        }
        if (categoryCode == null || !CODE.matcher(categoryCode).matches()) {
            throw invalid("category '" + categoryCode + "' of answer '" + id + "' is not a category code");
        }
        if (title == null || title.isBlank() || title.length() > 160) {
            throw invalid("title of answer '" + id + "' must be 1 to 160 characters");
        }
        title = title.strip();
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(renderings, "renderings");
        EnumMap<AnswerChannel, String> copy = new EnumMap<>(AnswerChannel.class);
        for (AnswerChannel channel : AnswerChannel.values()) {
            String text = renderings.get(channel);
            if (text == null || text.isBlank()) {
                throw invalid("answer '" + id + "' version " + version + " has no " + channel + " rendering");
            }
            copy.put(channel, text);
        }
        if (copy.get(AnswerChannel.VOICE).length() > AnswerRenderer.MAX_VOICE) {
            throw invalid("voice rendering of answer '" + id + "' is " + copy.get(AnswerChannel.VOICE).length()
                    + " characters, at most " + AnswerRenderer.MAX_VOICE);
        }
        renderings = Collections.unmodifiableMap(copy);
    }

    /** Version {@code version} of an answer, rendered from its source. */
    public static ApprovedAnswer of(String id, int version, String categoryCode, String title, AnswerSource source, boolean active) {
        return new ApprovedAnswer(id, version, categoryCode, title, source, AnswerRenderer.render(source), active);
    }

    /** The text for a channel. */
    public String rendering(AnswerChannel channel) {
        return renderings.get(channel);
    }

    /** The whole source text. */
    public String sourceText() {
        return source.fullText();
    }

    private static VentanillaException invalid(String message) {
        return new VentanillaException(ErrorCode.INVALID_INPUT, message);
    }
}
