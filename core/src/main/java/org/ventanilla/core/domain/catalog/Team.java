package org.ventanilla.core.domain.catalog;

/**
 * A back-office team that owns service categories and works their deferred cases.
 *
 * @param code   stable code, for example {@code "infraestructura"}
 * @param nameEs Spanish name shown to staff and citizens
 * @param nameEn English name
 */
public record Team(String code, String nameEs, String nameEn) {

    public Team {
        code = Checks.requireCode(code, "team code");
        nameEs = Checks.requireText(nameEs, "Spanish name of team '" + code + "'", 120);
        nameEn = Checks.requireText(nameEn, "English name of team '" + code + "'", 120);
    }
}
