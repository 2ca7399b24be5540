package org.ventanilla.routing.api;

import java.util.Locale;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * A skill a work item needs, with the minimum level (1 to {@value #MAX_LEVEL}) an agent must have in it.
 *
 * @param skill    skill name, lower case, for example {@code catastro} or {@code impuestos}
 * @param minLevel minimum level, 1 to {@value #MAX_LEVEL}
 */
public record SkillRequirement(String skill, int minLevel) {

    /** The highest skill level. */
    public static final int MAX_LEVEL = 10;
    /** The longest skill name accepted. */
    public static final int MAX_NAME_LENGTH = 60;

    public SkillRequirement {
        skill = skillName(skill);
        if (minLevel < 1 || minLevel > MAX_LEVEL) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "minimum level of skill '" + skill + "' (" + minLevel + ") must be between 1 and " + MAX_LEVEL);
        }
    }

    /** Checks and normalises a skill name (trimmed, lower case, 1 to {@value #MAX_NAME_LENGTH} characters). */
    public static String skillName(String skill) {
        if (skill == null || skill.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "skill name is missing");
        }
        String name = skill.trim().toLowerCase(Locale.ROOT);
        if (name.length() > MAX_NAME_LENGTH) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "skill name length (" + name.length() + ") exceeds the allowed maximum (" + MAX_NAME_LENGTH + ")");
        }
        return name;
    }
}
