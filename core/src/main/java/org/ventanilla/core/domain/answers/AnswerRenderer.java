package org.ventanilla.core.domain.answers;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Renders an {@link AnswerSource} for every channel:
 * <ul>
 *   <li>{@link AnswerChannel#VOICE}: the spoken text, or else the summary with links replaced by "nuestro
 *       sitio web"; at most {@value #MAX_VOICE} characters (about 20 seconds aloud);</li>
 *   <li>{@link AnswerChannel#CHAT}: the summary;</li>
 *   <li>{@link AnswerChannel#EMAIL}: the summary, then the details.</li>
 * </ul>
 * Greetings and signatures are the channel adapter's business, not the answer's.
 */
public final class AnswerRenderer {

    /** Longest voice rendering. */
    public static final int MAX_VOICE = 350;

    private static final Pattern LINK = Pattern.compile("(https?://|www\\.)\\S*[^\\s.,;:)]");
    private static final String LINK_SPOKEN = "nuestro sitio web";

    private AnswerRenderer() {
    }

    /** The three renderings of a source; fails when the voice rendering would be too long to say. */
    public static Map<AnswerChannel, String> render(AnswerSource source) {
        Map<AnswerChannel, String> renderings = new EnumMap<>(AnswerChannel.class);
        String voice = source.spoken() != null ? source.spoken() : LINK.matcher(source.summary()).replaceAll(LINK_SPOKEN);
        if (voice.length() > MAX_VOICE) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "the summary is too long to be spoken (" + voice.length()
                    + " characters, at most " + MAX_VOICE + "); write a shorter spoken text");
        }
        renderings.put(AnswerChannel.VOICE, voice);
        renderings.put(AnswerChannel.CHAT, source.summary());
        renderings.put(AnswerChannel.EMAIL, source.details() == null ? source.summary() : source.summary() + "\n\n" + source.details());
        return renderings;
    }
}
