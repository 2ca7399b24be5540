package org.ventanilla.routing.model;

import java.time.Duration;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.SkillRequirement;

/**
 * After an item has waited {@code after}, its requirement on {@code skill} drops to {@code level} (0 drops it).
 * Steps only ever lower a requirement; a step on a skill the item does not need has no effect.
 *
 * @param after how long the item must have waited
 * @param skill the skill whose requirement is lowered
 * @param level the new minimum level, 0 to drop the requirement
 */
public record RelaxationStep(Duration after, String skill, int level) {

    public RelaxationStep {
        if (after == null || after.isNegative() || after.isZero()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "relaxation step time (" + after + ") must be positive");
        }
        skill = SkillRequirement.skillName(skill);
        if (level < 0 || level >= SkillRequirement.MAX_LEVEL) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "relaxed level of skill '" + skill + "' (" + level
                    + ") must be between 0 (drop) and " + (SkillRequirement.MAX_LEVEL - 1));
        }
    }

    /** Drops the requirement on {@code skill} after {@code after}. */
    public static RelaxationStep drop(Duration after, String skill) {
        return new RelaxationStep(after, skill, 0);
    }

    /** Lowers the requirement on {@code skill} to {@code level} after {@code after}. */
    public static RelaxationStep lower(Duration after, String skill, int level) {
        return new RelaxationStep(after, skill, level);
    }

    /** Whether this step lowers a requirement of {@code requirement}'s skill. */
    public boolean lowers(SkillRequirement requirement) {
        return requirement.skill().equals(skill) && requirement.minLevel() > level;
    }

    /** A short description for events: {@code catastro>=3} or {@code catastro dropped}. */
    public String describe() {
        return level == 0 ? skill + " dropped" : skill + ">=" + level;
    }
}
