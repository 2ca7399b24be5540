package org.ventanilla.core.store;

/** Record kinds and key kinds of the records port, in one place. */
public final class RecordKinds {

    public static final String INTERACTION = "interaction";
    public static final String CASE = "case";
    public static final String CITIZEN = "citizen";
    public static final String USER = "user";
    public static final String AGENT_PROFILE = "agent-profile";
    public static final String CONSENT = "consent";
    public static final String AUDIT = "audit";
    /** A callback owed to a citizen whose call overflowed, by interaction id. */
    public static final String CALLBACK_REQUEST = "callback-request";

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

    /**
     * Key kind: work item id to the id it was put on a work list under (a radicado or {@code callback:<id>}), claimed
     * once an overflowed contact is on its team's work list, so that a repeated overflow event adds nothing.
     */
    public static final String OVERFLOW_LISTED = "overflow-listed";

    /** Key kind: username to user id (usernames are unique; listed in username order). */
    public static final String USER_BY_USERNAME = "user-username";
    /** Key kind: {@code <citizen id>:<sortable time>:<consent id>} to consent id (a citizen's consent history). */
    public static final String CONSENT_BY_CITIZEN = "consent-citizen";
    /** Key kind: {@code <citizen id>:<sortable time>:<entry id>} to audit entry id (who read a citizen's data). */
    public static final String AUDIT_BY_CITIZEN = "audit-citizen";
    /** Key kind: {@code <staff user id>:<sortable time>:<entry id>} to audit entry id (what a user read). */
    public static final String AUDIT_BY_STAFF = "audit-staff";

    /** The key of one interaction in a citizen's history: fixed-width time so that keys sort by time. */
    public static String citizenHistoryKey(String citizenId, java.time.Instant receivedAt, String interactionId) {
        return citizenId + ":" + String.format("%015d", receivedAt.toEpochMilli()) + ":" + interactionId;
    }

    /** Sequence name of a year's radicados. */
    public static String radicadoSequence(int year) {
        return "radicado_" + year;
    }

    private RecordKinds() {
    }
}
