package org.ventanilla.core.domain.users;

/** How personal values print themselves: only the last four characters show. */
final class Masking {

    private static final int VISIBLE = 4;
    private static final String STARS = "******";

    private Masking() {
    }

    /** "1020304050" prints as "******4050"; values of four characters or fewer print as stars only. */
    static String mask(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= VISIBLE) {
            return STARS;
        }
        return STARS + value.substring(value.length() - VISIBLE);
    }
}
