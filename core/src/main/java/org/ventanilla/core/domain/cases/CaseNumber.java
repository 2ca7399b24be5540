package org.ventanilla.core.domain.cases;

import java.util.Objects;
import java.util.regex.Pattern;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * A radicado: the filing number every petition gets, {@code [PREFIX-]YYYY-NNNNNNN} (prefix configurable per
 * entity, the year in the entity's time zone, seven digits). Not personal data: it may be shown and logged.
 */
public record CaseNumber(String value) {

    public static final int MAX_SEQUENCE = 9_999_999;
    private static final Pattern FORMAT = Pattern.compile("^(?:[A-Z0-9]{1,10}-)?(\\d{4})-(\\d{7})$");
    private static final Pattern PREFIX = Pattern.compile("^[A-Z0-9]{1,10}$");

    public CaseNumber {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "radicado '" + shorten(value) + "' does not have the form [PREFIX-]YYYY-NNNNNNN");
        }
    }

    /** Builds the radicado of a year's {@code sequence}-th petition. */
    public static CaseNumber of(String prefix, int year, long sequence) {
        if (prefix != null && !prefix.isEmpty() && !PREFIX.matcher(prefix).matches()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "radicado prefix '" + shorten(prefix) + "' is not allowed (1 to 10 of A-Z and 0-9)");
        }
        if (year < 1000 || year > 9999) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "radicado year " + year + " is not allowed (1000-9999)");
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED,
                    "radicado sequence " + sequence + " of year " + year + " is outside 1.." + MAX_SEQUENCE);
        }
        String body = String.format("%04d-%07d", year, sequence);
        return new CaseNumber(prefix == null || prefix.isEmpty() ? body : prefix + "-" + body);
    }

    /** Whether {@code text} (trimmed, upper-cased) looks like a radicado. */
    public static boolean looksLike(String text) {
        return text != null && FORMAT.matcher(text.trim().toUpperCase(java.util.Locale.ROOT)).matches();
    }

    /** The year part. */
    public int year() {
        var m = FORMAT.matcher(value);
        m.matches();
        return Integer.parseInt(m.group(1));
    }

    /** The sequence part. */
    public long sequence() {
        var m = FORMAT.matcher(value);
        m.matches();
        return Long.parseLong(m.group(2));
    }

    @Override
    public String toString() {
        return value;
    }

    private static String shorten(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "…" : s;
    }
}
