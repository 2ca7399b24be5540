package org.ventanilla.core.domain.citizen;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * A phone number, validated with libphonenumber and kept in E.164 ({@code +573005550101}).
 *
 * <p>Numbers written without a country code are read in the default region, Colombia: a mobile
 * {@code 300 555 0101}, a landline in the 10-digit format in force since 2021 {@code (601) 382 2500}. The
 * text may hold only digits, spaces and {@code + - ( ) .}: letters (vanity numbers) and extensions are
 * refused, because a citizen's contact point is a number that can be dialled back.
 *
 * <p>{@link #toString()} keeps the country code and the last three digits: {@code +57*******101}.
 *
 * @param value the number in E.164; the constructor also accepts any text {@link #parse(String)} accepts
 */
public record PhoneNumber(String value) implements ContactPoint {

    /** The region used for numbers written without a country code. */
    public static final String DEFAULT_REGION = "CO";
    /** The longest raw text accepted. */
    public static final int MAX_RAW_LENGTH = 40;
    /** Digits left visible when masked. */
    public static final int VISIBLE_DIGITS = 3;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /**
     * Validates and normalizes to E.164.
     *
     * @throws VentanillaException INVALID_INPUT when the number is not a valid one; the message never holds it
     */
    public PhoneNumber {
        value = toE164(value, DEFAULT_REGION);
    }

    /** Parses a number as written, in the default region (CO) when it has no country code. */
    public static PhoneNumber parse(String raw) {
        return new PhoneNumber(toE164(raw, DEFAULT_REGION));
    }

    /** Parses a number as written, in {@code defaultRegion} (ISO 3166 code, e.g. "CL") when it has no country code. */
    public static PhoneNumber parse(String raw, String defaultRegion) {
        return new PhoneNumber(toE164(raw, defaultRegion));
    }

    @Override
    public ContactKind kind() {
        return ContactKind.PHONE;
    }

    /** The country calling code, e.g. 57. */
    public int countryCode() {
        return parsed().getCountryCode();
    }

    /** The ISO 3166 region of the number, e.g. "CO". */
    public String regionCode() {
        return UTIL.getRegionCodeForNumber(parsed());
    }

    /** Whether the number is a mobile one (and so can receive text messages). */
    public boolean isMobile() {
        PhoneNumberType type = UTIL.getNumberType(parsed());
        return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
    }

    @Override
    public String masked() {
        String countryCode = String.valueOf(countryCode());
        String national = value.substring(1 + countryCode.length());
        return "+" + countryCode + Masking.keepLast(national, VISIBLE_DIGITS);
    }

    @Override
    public String toString() {
        return masked();
    }

    private Phonenumber.PhoneNumber parsed() {
        try {
            return UTIL.parse(value, "ZZ");
        } catch (NumberParseException e) {
            throw new IllegalStateException("a validated E.164 number no longer parses", e);
        }
    }

    private static String toE164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "phone number is required");
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "phone number is longer than " + MAX_RAW_LENGTH + " characters");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '-' || c == '(' || c == ')' || c == '.';
            if (!allowed) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT,
                        "phone number may contain only digits, spaces and + - ( ) .");
            }
        }
        Phonenumber.PhoneNumber number;
        try {
            number = UTIL.parse(raw, defaultRegion);
        } catch (NumberParseException e) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "phone number cannot be read (" + e.getErrorType() + ", default region " + defaultRegion + ")");
        }
        if (!UTIL.isValidNumber(number)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "phone number is not a valid number in its region (default region " + defaultRegion + ")");
        }
        return UTIL.format(number, PhoneNumberFormat.E164);
    }
}
