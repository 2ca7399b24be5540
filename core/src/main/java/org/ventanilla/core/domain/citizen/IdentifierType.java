package org.ventanilla.core.domain.citizen;

import java.util.Locale;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * The kinds of identification document a citizen can give, each with its validation rule.
 *
 * <p>Colombian personal documents (CC, TI, RC/NUIP, CE, PEP, PPT) carry no check digit: after removing dots
 * and spaces (people write {@code 1.020.304.050} or {@code 1020 304 050}) the value must be digits only, of a
 * plausible length. The lengths are deliberately a little wider than what is issued today, because rejecting a
 * real document at the window is worse than accepting an unusual one:
 * <ul>
 *   <li>CC, cédula de ciudadanía: 3 to 10 digits. Cédulas of people who came of age in the last two decades
 *       carry their 10-digit NUIP (1.000.000.000 and up); older series have 8 digits or fewer, and the oldest
 *       still in use have as few as 3.</li>
 *   <li>TI, tarjeta de identidad: 10 or 11 digits (10 for the NUIP issued today, 11 for the older
 *       date-based numbers).</li>
 *   <li>RC, registro civil de nacimiento, by its NUIP (code {@code NUIP} is accepted as an alias): 10 or 11
 *       digits, the same number that later appears on the TI and the CC.</li>
 *   <li>CE, cédula de extranjería: 6 to 10 digits (issued with 6 or 7 today; room for longer series).</li>
 *   <li>PEP, permiso especial de permanencia: exactly 15 digits.</li>
 *   <li>PPT, permiso por protección temporal: 6 to 10 digits (6 to 8 issued so far).</li>
 * </ul>
 * CC, TI and RC numbers are serials and never start with 0; a leading 0 is rejected rather than silently
 * dropped, so that one person cannot end up with two spellings of one number. Migración Colombia numbers
 * (CE, PEP, PPT) keep leading zeros.
 *
 * <p>Two identifiers carry a check digit, which is required and verified:
 * <ul>
 *   <li>NIT (Colombian tax number): a body of 3 to 15 digits (companies have 9; a person's NIT is their
 *       cédula number) and the DIAN check digit. Written {@code 899.999.034-1}, {@code 899999034-1} or
 *       {@code 8999990341} (then the last digit is the check digit); stored as {@code 899999034-1}.</li>
 *   <li>RUN/RUT (Chile): a body of 6 to 9 digits and the modulo 11 check digit (0-9 or K). Written
 *       {@code 12.345.678-5}, {@code 12345678-5}, {@code 123456785} or with a lower-case {@code k}; stored as
 *       {@code 12345678-5} with an upper-case K.</li>
 * </ul>
 *
 * <p>Error messages name the type and the rule broken, never the value.
 */
public enum IdentifierType {
    /** Cédula de ciudadanía. */
    CC("Cédula de ciudadanía", Rule.PERSONAL, 3, 10, false),
    /** Tarjeta de identidad (minors from 7 to 17 years old). */
    TI("Tarjeta de identidad", Rule.PERSONAL, 10, 11, false),
    /** Registro civil de nacimiento, identified by its NUIP. */
    RC("Registro civil (NUIP)", Rule.PERSONAL, 10, 11, false),
    /** Cédula de extranjería. */
    CE("Cédula de extranjería", Rule.PERSONAL, 6, 10, true),
    /** Permiso especial de permanencia. */
    PEP("Permiso especial de permanencia", Rule.PERSONAL, 15, 15, true),
    /** Permiso por protección temporal. */
    PPT("Permiso por protección temporal", Rule.PERSONAL, 6, 10, true),
    /** Número de identificación tributaria, with its DIAN check digit. */
    NIT("NIT", Rule.NIT, 3, 15, false),
    /** Chilean RUN (persons) or RUT (companies), with its modulo 11 check digit. */
    RUN("RUN/RUT", Rule.RUN, 6, 9, false);

    /** The longest raw text accepted before normalizing, to bound the work done on hostile input. */
    public static final int MAX_RAW_LENGTH = 40;

    private enum Rule { PERSONAL, NIT, RUN }

    private final String displayName;
    private final Rule rule;
    private final int minDigits;
    private final int maxDigits;
    private final boolean leadingZeroAllowed;

    IdentifierType(String displayName, Rule rule, int minDigits, int maxDigits, boolean leadingZeroAllowed) {
        this.displayName = displayName;
        this.rule = rule;
        this.minDigits = minDigits;
        this.maxDigits = maxDigits;
        this.leadingZeroAllowed = leadingZeroAllowed;
    }

    /** The document's name as citizens know it, e.g. "Cédula de ciudadanía". */
    public String displayName() {
        return displayName;
    }

    /** Least digits of the number (of the body, for NIT and RUN). */
    public int minDigits() {
        return minDigits;
    }

    /** Most digits of the number (of the body, for NIT and RUN). */
    public int maxDigits() {
        return maxDigits;
    }

    /** Whether the value ends with a check digit that is verified. */
    public boolean hasCheckDigit() {
        return rule != Rule.PERSONAL;
    }

    /**
     * The type for a code as channels and agencies write it: the enum name in any case, and {@code NUIP} for
     * {@link #RC}; surrounding spaces are ignored.
     *
     * @throws VentanillaException INVALID_INPUT for an unknown code
     */
    public static IdentifierType fromCode(String code) {
        if (code == null || code.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "identifier type is required");
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (upper.equals("NUIP")) {
            return RC;
        }
        if (upper.equals("RUT")) {
            return RUN;
        }
        for (IdentifierType type : values()) {
            if (type.name().equals(upper)) {
                return type;
            }
        }
        String shown = upper.length() > 8 ? upper.substring(0, 8) + "..." : upper;
        throw new VentanillaException(ErrorCode.INVALID_INPUT,
                "identifier type '" + shown + "' is unknown (allowed: CC, TI, RC or NUIP, CE, PEP, PPT, NIT, RUN or RUT)");
    }

    /**
     * The normalized form of {@code raw} for this type (the form stored and compared), after checking the rule.
     *
     * @throws VentanillaException INVALID_INPUT naming this type and the rule broken, never the value
     */
    public String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("is required");
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            throw invalid("is longer than " + MAX_RAW_LENGTH + " characters");
        }
        String compact = removeDotsAndSpaces(raw);
        if (compact.isEmpty()) {
            throw invalid("must contain digits");
        }
        switch (rule) {
            case NIT:
                return normalizeNit(compact);
            case RUN:
                return normalizeRun(compact.toUpperCase(Locale.ROOT));
            case PERSONAL:
            default:
                checkDigits(compact, "must contain only digits after removing dots and spaces");
                checkLength(compact, "must have");
                return compact;
        }
    }

    private String normalizeNit(String compact) {
        String[] parts = bodyAndCheck(compact, "must end with one check digit after the hyphen");
        String body = parts[0];
        String check = parts[1];
        checkDigits(body + check, "must contain only digits, dots and one hyphen before the check digit");
        checkLength(body, "must have a body of");
        if (CheckDigits.nit(body) != check.charAt(0)) {
            throw invalid("check digit does not match the DIAN modulo 11 rule");
        }
        return body + "-" + check;
    }

    private String normalizeRun(String compact) {
        String[] parts = bodyAndCheck(compact, "must end with one check digit (0-9 or K) after the hyphen");
        String body = parts[0];
        String check = parts[1];
        checkDigits(body, "must have a body of digits only, then a check digit (0-9 or K)");
        char checkChar = check.charAt(0);
        if (!(isAsciiDigit(checkChar) || checkChar == 'K')) {
            throw invalid("must end with a check digit 0-9 or K");
        }
        checkLength(body, "must have a body of");
        if (CheckDigits.run(body) != checkChar) {
            throw invalid("check digit does not match the modulo 11 rule");
        }
        return body + "-" + checkChar;
    }

    /** Splits {@code body-check} or {@code bodycheck} (the last character is the check digit) into body and check. */
    private String[] bodyAndCheck(String compact, String ruleAfterHyphen) {
        int hyphen = compact.indexOf('-');
        if (hyphen < 0) {
            return new String[] {compact.substring(0, compact.length() - 1), compact.substring(compact.length() - 1)};
        }
        String check = compact.substring(hyphen + 1);
        if (check.length() != 1) {
            throw invalid(ruleAfterHyphen);
        }
        return new String[] {compact.substring(0, hyphen), check};
    }

    private void checkDigits(String digits, String rule) {
        if (digits.isEmpty()) {
            throw invalid(rule);
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!isAsciiDigit(digits.charAt(i))) {
                throw invalid(rule);
            }
        }
    }

    private void checkLength(String digits, String prefix) {
        if (digits.length() < minDigits || digits.length() > maxDigits) {
            String range = minDigits == maxDigits ? String.valueOf(minDigits) : minDigits + " to " + maxDigits;
            throw invalid(prefix + " " + range + " digits (found " + digits.length() + ")");
        }
        if (!leadingZeroAllowed && digits.charAt(0) == '0') {
            throw invalid("must not start with 0");
        }
    }

    private VentanillaException invalid(String rule) {
        return new VentanillaException(ErrorCode.INVALID_INPUT, name() + " identifier " + rule);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String removeDotsAndSpaces(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '.' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
