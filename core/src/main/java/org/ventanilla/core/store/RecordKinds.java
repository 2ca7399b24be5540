package org.ventanilla.core.store;

/** Record kinds and key kinds of the records port, in one place. */
public final class RecordKinds {

    public static final String INTERACTION = "interaction";
    public static final String CASE = "case";
    public static final String CITIZEN = "citizen";

    /** Key kind: {@code <channel>:<external id>} to interaction id (intake idempotency). */
    public static final String INTERACTION_BY_EXTERNAL_ID = "interaction-external";
    /** Key kind: radicado to case id. */
    public static final String CASE_BY_NUMBER = "case-number";
    /** Key kind: {@code <team>:<due date>:<radicado>} to case id (work lists ordered by due date). */
    public static final String CASE_BY_TEAM_DUE = "case-team-due";
    /** Key kind: {@code <TYPE>:<value>} to citizen id. */
    public static final String CITIZEN_BY_IDENTIFIER = "citizen-identifier";
    /** Key kind: {@code <KIND>:<value>} to citizen id. */
    public static final String CITIZEN_BY_CONTACT = "citizen-contact";
    /** Key kind: {@code <citizen id>:<received at>:<interaction id>} to interaction id (a citizen's history). */
    public static final String INTERACTION_BY_CITIZEN = "interaction-citizen";

    /** Sequence name of a year's radicados. */
    public static String radicadoSequence(int year) {
        return "radicado_" + year;
    }

    private RecordKinds() {
    }
}
