package org.ventanilla.core.domain.citizen;

import java.net.IDN;
import java.util.Locale;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * An email address, normalized and checked against a practical subset of RFC 5322 / RFC 5321.
 *
 * <p>Normalization: surrounding spaces are trimmed and the <em>whole</em> address is lower-cased, local part
 * included. RFC 5321 allows a server to treat the local part as case-sensitive, but no mainstream provider
 * does, and {@code Maria.Gomez@Gmail.com} and {@code maria.gomez@gmail.com} must lead to one citizen, not two.
 * Provider-specific aliases (Gmail's dots and {@code +tags}) are <em>not</em> folded: that would merge
 * different people at providers that treat them as distinct. An internationalized domain is stored in its
 * ASCII (punycode) form.
 *
 * <p>Accepted: a dot-atom local part (letters, digits and {@code ! # $ % & ' * + - / = ? ^ _ ` { | } ~}, dots
 * not first, last or doubled), at most 64 characters; a domain of at least two labels (letters, digits,
 * inner hyphens, at most 63 each) with a non-numeric top level; at most 254 characters in all. Refused:
 * quoted local parts, IP-literal domains, comments and display names ({@code "María" <m@x.co>}), which
 * citizens do not type and which only widen what must be parsed.
 *
 * <p>{@link #toString()} is masked: {@code m***@gmail.com}.
 *
 * @param value the normalized address; the constructor accepts any text {@link #parse(String)} accepts
 */
public record EmailAddress(String value) implements ContactPoint {

    /** The longest address accepted (RFC 5321 path limit less the angle brackets). */
    public static final int MAX_LENGTH = 254;
    /** The longest local part accepted (RFC 5321). */
    public static final int MAX_LOCAL_LENGTH = 64;

    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    /**
     * Validates and normalizes.
     *
     * @throws VentanillaException INVALID_INPUT naming the rule broken, never the address
     */
    public EmailAddress {
        value = normalize(value);
    }

    /** Parses an address as typed. */
    public static EmailAddress parse(String raw) {
        return new EmailAddress(raw);
    }

    @Override
    public ContactKind kind() {
        return ContactKind.EMAIL;
    }

    /** The part before the {@code @}. */
    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    /** The part after the {@code @}, in ASCII. */
    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    @Override
    public String masked() {
        return Masking.email(localPart(), domain());
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("is required");
        }
        String trimmed = raw.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw invalid("is longer than " + MAX_LENGTH + " characters (found " + trimmed.length() + ")");
        }
        int at = trimmed.lastIndexOf('@');
        if (at < 0 || trimmed.indexOf('@') != at) {
            throw invalid("must contain exactly one @");
        }
        String local = trimmed.substring(0, at).toLowerCase(Locale.ROOT);
        String domain = asciiDomain(trimmed.substring(at + 1));
        checkLocalPart(local);
        checkDomain(domain);
        String normalized = local + "@" + domain;
        if (normalized.length() > MAX_LENGTH) {
            throw invalid("is longer than " + MAX_LENGTH + " characters (found " + normalized.length() + ")");
        }
        return normalized;
    }

    private static void checkLocalPart(String local) {
        if (local.isEmpty()) {
            throw invalid("needs a local part before the @");
        }
        if (local.length() > MAX_LOCAL_LENGTH) {
            throw invalid("local part is longer than " + MAX_LOCAL_LENGTH + " characters (found " + local.length() + ")");
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw invalid("local part must not start or end with a dot, nor have two dots in a row");
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean atext = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || ATEXT_SPECIALS.indexOf(c) >= 0;
            if (!atext) {
                throw invalid("local part may contain only letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~ .");
            }
        }
    }

    private static String asciiDomain(String domain) {
        if (domain.chars().allMatch(c -> c < 0x80)) {
            return domain.toLowerCase(Locale.ROOT);
        }
        try {
            return IDN.toASCII(domain, 0).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid("domain is not a valid internationalized domain name");
        }
    }

    private static void checkDomain(String domain) {
        if (domain.isEmpty()) {
            throw invalid("needs a domain after the @");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            throw invalid("domain must have at least two labels (name.tld)");
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63) {
                throw invalid("domain labels must have 1 to 63 characters");
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw invalid("domain labels must not start or end with a hyphen");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                    throw invalid("domain may contain only letters, digits, hyphens and dots");
                }
            }
        }
        String topLevel = labels[labels.length - 1];
        if (topLevel.chars().allMatch(Character::isDigit)) {
            throw invalid("top-level domain must not be numeric");
        }
    }

    private static VentanillaException invalid(String rule) {
        return new VentanillaException(ErrorCode.INVALID_INPUT, "email address " + rule);
    }
}
