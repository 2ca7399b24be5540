package org.ventanilla.core.domain.catalog;

import java.util.regex.Pattern;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/** Small validation helpers shared by the catalog records. */
final class Checks {

    /** Codes are lower-case slugs: "huecos-via", "servicios-publicos". */
    static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Checks() {
    }

    static String requireText(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(what + " is required");
        }
        if (value.length() > maxLength) {
            throw invalid(what + " is too long (" + value.length() + " characters, at most " + maxLength + ")");
        }
        return value.strip();
    }

    static String requireCode(String value, String what) {
        String code = requireText(value, what, 60);
        if (!CODE.matcher(code).matches()) {
            throw invalid(what + " '" + code + "' is not a lower-case code like 'huecos-via'");
        }
        return code;
    }

    static VentanillaException invalid(String message) {
        return new VentanillaException(ErrorCode.INVALID_INPUT, message);
    }
}
