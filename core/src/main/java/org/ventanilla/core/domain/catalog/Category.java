package org.ventanilla.core.domain.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A service category of the catalog: what a contact is about, whether it is solved at first contact, who
 * owns it, which skills answer it, where it waits, and what the classifier learns it from.
 *
 * <p>{@code legalTermCode} is the code of the legal term of a deferred category, kept as a string here:
 * one of {@link #LEGAL_TERM_CODES} ({@code PETITION} 15 business days, {@code INFORMATION_REQUEST} 10,
 * {@code CONSULTATION} 30, {@code DATA_QUERY} and {@code DATA_CLAIM} for personal-data requests under
 * Ley 1581), matching the names of {@code org.ventanilla.core.domain.calendar.LegalTerm}; it is null
 * exactly when the category is {@link ResolutionClass#IMMEDIATE}.
 *
 * @param code               stable slug, for example {@code "huecos-via"}; also the chat topic of the category
 * @param nameEs             Spanish name
 * @param nameEn             English name
 * @param resolutionClass    immediate or deferred
 * @param legalTermCode      legal term of a deferred category (see above), null for an immediate one
 * @param owningTeam         code of the team that owns the category
 * @param requiredSkills     skill code to minimum level (1 to 5) an agent needs to take the work
 * @param queue              code of the queue live contacts of this category wait in
 * @param open311ServiceCode GeoReport v2 {@code service_code}, or null when not offered on Open311
 * @param ivrOption          DTMF digits that choose this category in the IVR menu, or null
 * @param approvedAnswerIds  ids of the approved answers that serve this category
 * @param trainingPhrases    examples of how citizens write about it, for the classifier
 */
public record Category(String code, String nameEs, String nameEn, ResolutionClass resolutionClass, String legalTermCode,
        String owningTeam, Map<String, Integer> requiredSkills, String queue, String open311ServiceCode, String ivrOption,
        List<String> approvedAnswerIds, List<String> trainingPhrases) {

    /** The legal-term codes a deferred category may name (names of the calendar's {@code LegalTerm}). */
    public static final Set<String> LEGAL_TERM_CODES =
            Set.of("PETITION", "INFORMATION_REQUEST", "CONSULTATION", "DATA_QUERY", "DATA_CLAIM");

    /** Lowest and highest skill level. */
    public static final int MIN_SKILL_LEVEL = 1;
    public static final int MAX_SKILL_LEVEL = 5;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,4}");
    private static final Pattern OPEN311_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    public Category {
        code = Checks.requireCode(code, "category code");
        nameEs = Checks.requireText(nameEs, "Spanish name of category '" + code + "'", 120);
        nameEn = Checks.requireText(nameEn, "English name of category '" + code + "'", 120);
        Objects.requireNonNull(resolutionClass, "resolution class of category '" + code + "'");
        if (resolutionClass == ResolutionClass.IMMEDIATE && legalTermCode != null) {
            throw Checks.invalid("immediate category '" + code + "' has a legal term (" + legalTermCode + "); it must have none");
        }
        if (resolutionClass == ResolutionClass.DEFERRED && (legalTermCode == null || !LEGAL_TERM_CODES.contains(legalTermCode))) {
            throw Checks.invalid("deferred category '" + code + "' has legal term '" + legalTermCode + "'; allowed: "
                    + String.join(", ", LEGAL_TERM_CODES.stream().sorted().toList()));
        }
        owningTeam = Checks.requireCode(owningTeam, "owning team of category '" + code + "'");
        requiredSkills = copySkills(code, requiredSkills);
        queue = Checks.requireCode(queue, "queue of category '" + code + "'");
        if (open311ServiceCode != null && !OPEN311_CODE.matcher(open311ServiceCode).matches()) {
            throw Checks.invalid("Open311 service code '" + open311ServiceCode + "' of category '" + code
                    + "' must be 1 to 40 letters, digits, '.', '_' or '-'");
        }
        if (ivrOption != null && !DIGITS.matcher(ivrOption).matches()) {
            throw Checks.invalid("IVR option '" + ivrOption + "' of category '" + code + "' must be 1 to 4 digits");
        }
        approvedAnswerIds = List.copyOf(Objects.requireNonNull(approvedAnswerIds, "approvedAnswerIds"));
        trainingPhrases = List.copyOf(Objects.requireNonNull(trainingPhrases, "trainingPhrases"));
        for (String phrase : trainingPhrases) {
            if (phrase.isBlank()) {
                throw Checks.invalid("category '" + code + "' has a blank training phrase");
            }
        }
    }

    private static Map<String, Integer> copySkills(String code, Map<String, Integer> skills) {
        Objects.requireNonNull(skills, "requiredSkills");
        Map<String, Integer> copy = new LinkedHashMap<>();
        skills.forEach((skill, level) -> {
            Checks.requireCode(skill, "skill of category '" + code + "'");
            if (level == null || level < MIN_SKILL_LEVEL || level > MAX_SKILL_LEVEL) {
                throw Checks.invalid("skill '" + skill + "' of category '" + code + "' has level " + level
                        + "; allowed " + MIN_SKILL_LEVEL + " to " + MAX_SKILL_LEVEL);
            }
            copy.put(skill, level);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Whether this category is the general one that a person reviews. */
    public boolean isGeneral() {
        return Catalog.GENERAL_CODE.equals(code);
    }

    /** The name in the given language ("en" gives English, anything else Spanish). */
    public String name(String language) {
        return "en".equalsIgnoreCase(language) ? nameEn : nameEs;
    }
}
