package org.ventanilla.core.domain.calendar;

/**
 * The legal terms of an answer, in business days counted from the day after the receipt date, and how far each
 * may be extended.
 *
 * <p>Ley 1755 de 2015, art. 14 (petitions): an extension may not exceed twice the original term, so the whole
 * term may reach 2 x 15, 2 x 10 or 2 x 30 business days. Ley 1581 de 2012 (personal data) is stricter: a query
 * may be extended by at most 5 business days (art. 14) and a claim by at most 8 (art. 15).
 */
public enum LegalTerm {
    /** A petition, complaint, claim or suggestion (PQRS): 15 business days. */
    PETITION(15, 15, "Ley 1755 de 2015, art. 14"),
    /** A request for documents or information: 10 business days. */
    INFORMATION_REQUEST(10, 10, "Ley 1755 de 2015, art. 14 num. 1"),
    /** A consultation to the authority on matters in its charge: 30 business days. */
    CONSULTATION(30, 30, "Ley 1755 de 2015, art. 14 num. 2"),
    /** A data subject's query about their personal data: 10 business days, extendable by 5. */
    DATA_QUERY(10, 5, "Ley 1581 de 2012, art. 14"),
    /** A data subject's claim (update, rectification, deletion): 15 business days, extendable by 8. */
    DATA_CLAIM(15, 8, "Ley 1581 de 2012, art. 15");

    private final int businessDays;
    private final int maxExtensionBusinessDays;
    private final String legalBasis;

    LegalTerm(int businessDays, int maxExtensionBusinessDays, String legalBasis) {
        this.businessDays = businessDays;
        this.maxExtensionBusinessDays = maxExtensionBusinessDays;
        this.legalBasis = legalBasis;
    }

    /** The term, in business days after the receipt date. */
    public int businessDays() {
        return businessDays;
    }

    /** The most business days an extension may add. */
    public int maxExtensionBusinessDays() {
        return maxExtensionBusinessDays;
    }

    /** The longest whole term with an extension, in business days after the receipt date. */
    public int maxTotalBusinessDays() {
        return businessDays + maxExtensionBusinessDays;
    }

    /** The law and article that set the term. */
    public String legalBasis() {
        return legalBasis;
    }
}
