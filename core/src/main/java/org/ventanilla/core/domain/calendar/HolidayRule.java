package org.ventanilla.core.domain.calendar;

/** Why a holiday falls on its date. */
public enum HolidayRule {
    /** Kept on its date whatever the weekday (fixed dates, Holy Thursday, Good Friday). */
    FIXED("fixed"),
    /** Moved to the following Monday by Ley 51 de 1983 ("Ley Emiliani"). */
    MOVED_TO_MONDAY("moved to Monday"),
    /** A movable holiday whose date already fell on a Monday, so it stays. */
    ON_A_MONDAY("on a Monday");

    private final String label;

    HolidayRule(String label) {
        this.label = label;
    }

    /** The rule in words, as reference tables write it ("moved to Monday"). */
    public String label() {
        return label;
    }
}
