package org.ventanilla.routing.api;

import java.util.Locale;
import java.util.regex.Pattern;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Checks for the identifiers routing works with (work items, queues, agents, teams, cases, categories) and
 * language tags. Identifiers are opaque: letters, digits and {@code . _ : -}, at most {@value #MAX_ID_LENGTH}
 * characters. A rejected value is never echoed, so a phone number or email pasted by mistake does not reach a log.
 */
public final class RoutingIds {

    /** The longest identifier accepted. */
    public static final int MAX_ID_LENGTH = 100;

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})?");

    private RoutingIds() {
    }

    /**
     * Returns {@code value} when it is a valid identifier.
     *
     * @param what what the identifier names, for the message ("queue id")
     */
    public static String require(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, what + " is missing");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    what + " length (" + value.length() + ") exceeds the allowed maximum (" + MAX_ID_LENGTH + ")");
        }
        if (!isId(value)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    what + " may only contain letters, digits and . _ : - (value not shown)");
        }
        return value;
    }

    /** Letters, digits and . _ : - only; a loop rather than a regex because every enqueue checks several ids. */
    private static boolean isId(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** Like {@link #require} but {@code null} is allowed and returned as is. */
    public static String optional(String what, String value) {
        return value == null ? null : require(what, value);
    }

    /** Normalises a language tag ({@code es}, {@code en}, {@code es-co}) to lower case; {@code null} stays null. */
    public static String language(String value) {
        if (value == null) {
            return null;
        }
        String tag = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (!LANGUAGE.matcher(tag).matches()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "language tag must look like 'es' or 'es-co' (2 or 3 letters, optional region)");
        }
        return tag;
    }
}
