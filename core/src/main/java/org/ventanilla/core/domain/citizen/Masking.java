package org.ventanilla.core.domain.citizen;

import java.util.Objects;

/**
 * How personal data prints itself: the only place that decides what part of an identifier, a phone number or
 * an email address may appear in logs, error messages and screens that do not need the full value.
 *
 * <p>Letters and digits are masked with {@value #MASK}; separators ({@code - + . @ :}) are kept so the shape
 * stays readable. At most the last {@value #MAX_VISIBLE} letters or digits are shown, and never more than half
 * of them, so a short value is never printed whole.
 */
public final class Masking {

    /** The character that replaces a hidden letter or digit. */
    public static final char MASK = '*';
    /** The most letters or digits ever left visible. */
    public static final int MAX_VISIBLE = 4;

    private Masking() {
    }

    /**
     * Masks every letter and digit of {@code value} except the last {@code visible} ones (capped by
     * {@link #MAX_VISIBLE} and by half of the letters and digits), keeping other characters as they are.
     * {@code keepLast("1020304050", 4)} is {@code "******4050"}.
     */
    public static String keepLast(String value, int visible) {
        Objects.requireNonNull(value, "value");
        int alphanumerics = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isLetterOrDigit(value.charAt(i))) {
                alphanumerics++;
            }
        }
        int shown = Math.max(0, Math.min(Math.min(visible, MAX_VISIBLE), alphanumerics / 2));
        int hidden = alphanumerics - shown;
        StringBuilder out = new StringBuilder(value.length());
        int seen = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(seen < hidden ? MASK : c);
                seen++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Masks an email address: the first character of the local part, three {@value #MASK} whatever its length,
     * and the domain. {@code email("maria.gomez", "gmail.com")} is {@code "m***@gmail.com"}.
     */
    public static String email(String localPart, String domain) {
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(domain, "domain");
        String first = localPart.isEmpty() ? "" : localPart.substring(0, 1);
        return first + "" + MASK + MASK + MASK + "@" + domain;
    }
}
