package org.ventanilla.ops.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of defence against personal data in logs: masks e-mail addresses, runs of six or more digits
 * (identity numbers, phone numbers) and international phone numbers written with separators. Domain types already
 * print themselves masked; this catches what slips through (a raw value in an exception message, a careless log
 * argument).
 *
 * <p>Left alone, because they are not personal data and operators need them: UUIDs, filing numbers
 * ({@code [PREFIX-]YYYY-NNNNNNN}), and decimal fractions ({@code 0.1234567}).
 */
public final class PersonalDataMasker {

    /** What the masked part of a value prints as. */
    public static final String MASK = "******";

    private static final Pattern SENSITIVE = Pattern.compile(String.join("|",
            "(?<uuid>\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b)",
            "(?<radicado>\\b(?:[A-Z0-9]{1,10}-)?\\d{4}-\\d{7}(?!\\d))",
            "(?<email>[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})",
            "(?<phone>\\+\\d{1,3}(?:[ .()-]{1,2}\\d{1,5}){2,6}(?!\\d))",
            "(?<fraction>[.,]\\d+)",
            "(?<digits>(?<!\\d)\\d{6,}(?!\\d))"));

    private PersonalDataMasker() {
    }

    /** {@code text} with every e-mail address and long digit run masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = SENSITIVE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String replacement;
            if (m.group("email") != null) {
                replacement = maskEmail(m.group("email"));
            } else if (m.group("phone") != null) {
                replacement = maskDigits(m.group("phone").replaceAll("[^0-9]", ""));
            } else if (m.group("digits") != null) {
                replacement = maskDigits(m.group("digits"));
            } else {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** {@code ******4050} for long numbers (the last four help operators tell records apart), {@code ******} otherwise. */
    private static String maskDigits(String digits) {
        return digits.length() >= 8 ? MASK + digits.substring(digits.length() - 4) : MASK;
    }

    /** {@code m******@g******.co}: first letters and the top-level domain only. */
    private static String maskEmail(String email) {
        int at = email.lastIndexOf('@');
        String domain = email.substring(at + 1);
        int lastDot = domain.lastIndexOf('.');
        return email.charAt(0) + MASK + "@" + domain.charAt(0) + MASK + domain.substring(lastDot);
    }
}
