package org.ventanilla.core.domain.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Spots texts that look like an emergency (fire, injury, crime in progress) in Spanish or English, whatever
 * the case and accents, so that every channel can give the emergency number at once.
 *
 * <p>It errs on the side of recall: telling a citizen the emergency number when there is none costs little.
 * Words with an everyday meaning are left out or taken only in a phrase ("auxilio de transporte" is a
 * subsidy and "¿me llamas?" a question, so neither "auxilio" nor "llamas" alone counts). A phrase within
 * three words after a negation in the same clause ("no hay heridos", "sin heridos", "nobody was injured")
 * does not count; a new clause ("no, hay un incendio") starts afresh.
 */
public final class EmergencyDetector {

    /** Colombia's single emergency number. */
    public static final String COLOMBIA_EMERGENCY_NUMBER = "123";

    /** The phrases of {@link #colombia()}, written without accents (the text is folded before matching). */
    public static final List<String> DEFAULT_PHRASES = List.of(
            // fire, explosion, gas
            "incendio", "incendios", "fuego", "en llamas", "se esta quemando", "se estan quemando", "explosion",
            "exploto", "fuga de gas", "escape de gas", "olor a gas", "huele a gas", "derrumbe",
            // injury, health
            "herido", "herida", "heridos", "heridas", "lesionado", "lesionados", "sangre", "sangrando", "desangrando",
            "inconsciente", "no respira", "infarto", "convulsionando", "se esta ahogando", "se ahoga", "atropellado",
            "atropellada", "atropellaron", "accidente grave", "choque grave",
            // crime in progress, violence
            "me estan robando", "nos estan robando", "estan robando", "robo en curso", "atraco", "me estan atracando",
            "estan atracando", "disparos", "disparando", "balacera", "tiroteo", "balazos", "arma de fuego", "cuchillo",
            "apunalado", "apunalaron", "violencia", "me pego", "me pega", "me esta pegando", "me golpeo", "me esta golpeando",
            "nos estan golpeando", "me quiere matar", "me quieren matar", "amenaza de muerte", "secuestro", "secuestrado",
            "secuestraron", "violacion", "abuso sexual", "emergencia",
            // English
            "fire", "on fire", "burning", "explosion", "gas leak", "smell gas", "injured", "injury", "injuries", "bleeding",
            "blood", "unconscious", "not breathing", "heart attack", "drowning", "shooting", "shots fired", "gunshot", "gun",
            "knife", "stabbed", "robbery in progress", "being robbed", "robbing me", "mugged", "mugging", "assaulted",
            "attacked", "violence", "hit me", "hitting me", "beating me", "serious accident", "car crash", "kidnapped",
            "kidnapping", "rape", "help me", "emergency");

    private static final Set<String> NEGATIONS =
            Set.of("no", "sin", "ningun", "ninguna", "ninguno", "nadie", "nunca", "nobody", "not", "none", "without", "never");

    /** How many words before a phrase a negation still cancels it. */
    private static final int NEGATION_WINDOW = 3;

    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.,;:!?¡¿()\\n\\r]+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private final String emergencyNumber;
    private final List<String[]> phrases;

    /**
     * A detector for the given phrases (matched as whole words, case and accents ignored) that reports the
     * given emergency number.
     */
    public EmergencyDetector(String emergencyNumber, Collection<String> phrases) {
        this.emergencyNumber = Objects.requireNonNull(emergencyNumber, "emergencyNumber");
        this.phrases = new ArrayList<>();
        for (String phrase : phrases) {
            String[] words = words(phrase);
            if (words.length == 0) {
                throw new IllegalArgumentException("blank emergency phrase");
            }
            this.phrases.add(words);
        }
    }

    /** The Colombian detector: {@link #DEFAULT_PHRASES} and the number 123. */
    public static EmergencyDetector colombia() {
        return new EmergencyDetector(COLOMBIA_EMERGENCY_NUMBER, DEFAULT_PHRASES);
    }

    /** The emergency number to give the citizen. */
    public String emergencyNumber() {
        return emergencyNumber;
    }

    /** Whether the text looks like an emergency. */
    public boolean isEmergency(String text) {
        return matchedPhrase(text).isPresent();
    }

    /**
     * The first emergency phrase found in the text (as written in the phrase list, never the citizen's
     * words), or empty.
     */
    public Optional<String> matchedPhrase(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (String clause : CLAUSE_BREAK.split(SpanishFoldingAnalyzer.fold(text))) {
            String[] words = words(clause);
            for (String[] phrase : phrases) {
                if (occursUnnegated(words, phrase)) {
                    return Optional.of(String.join(" ", phrase));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean occursUnnegated(String[] words, String[] phrase) {
        for (int start = 0; start + phrase.length <= words.length; start++) {
            if (Arrays.equals(words, start, start + phrase.length, phrase, 0, phrase.length) && !negated(words, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean negated(String[] words, int start) {
        for (int i = Math.max(0, start - NEGATION_WINDOW); i < start; i++) {
            if (NEGATIONS.contains(words[i])) {
                return true;
            }
        }
        return false;
    }

    private static String[] words(String text) {
        String cleaned = NOT_WORD.matcher(SpanishFoldingAnalyzer.fold(text)).replaceAll(" ").strip();
        return cleaned.isEmpty() ? new String[0] : cleaned.split(" ");
    }
}
