package org.ventanilla.core.domain.citizen;

/** Check-digit algorithms of the identifiers that have one (Colombian NIT, Chilean RUN/RUT). */
final class CheckDigits {

    /** DIAN weights, applied to the NIT body from its rightmost digit. */
    private static final int[] NIT_WEIGHTS = {3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71};

    private CheckDigits() {
    }

    /** The most body digits a NIT may have: one weight per digit. */
    static int nitMaxBodyDigits() {
        return NIT_WEIGHTS.length;
    }

    /**
     * The DIAN check digit ("dígito de verificación") of a NIT body: weights 3, 7, 13, ... from the right,
     * r = sum mod 11, digit r when r is 0 or 1, else 11 - r.
     */
    static char nit(String body) {
        if (body.length() > NIT_WEIGHTS.length) {
            throw new IllegalArgumentException("NIT body has " + body.length() + " digits, at most " + NIT_WEIGHTS.length);
        }
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += digit * NIT_WEIGHTS[i];
        }
        int r = sum % 11;
        int check = r <= 1 ? r : 11 - r;
        return (char) ('0' + check);
    }

    /**
     * The Chilean RUN/RUT check digit ("dígito verificador"): body digits from the right times 2, 3, 4, 5, 6, 7
     * repeating, r = 11 - (sum mod 11); 11 gives '0', 10 gives 'K', else the digit r.
     */
    static char run(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += digit * (2 + i % 6);
        }
        int r = 11 - sum % 11;
        if (r == 11) {
            return '0';
        }
        if (r == 10) {
            return 'K';
        }
        return (char) ('0' + r);
    }
}
