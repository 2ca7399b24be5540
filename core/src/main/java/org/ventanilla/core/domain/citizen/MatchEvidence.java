package org.ventanilla.core.domain.citizen;

/** What links a contact to a citizen in a {@link MatchProposal}. */
public enum MatchEvidence {
    /** The contact's phone number is one of the citizen's. */
    PHONE,
    /** The contact's email address is one of the citizen's. */
    EMAIL,
    /** The contact's chat handle is one of the citizen's. */
    CHAT_HANDLE,
    /** The contact gave one of the citizen's identification documents. */
    IDENTIFIER;

    /** The evidence a contact point gives. */
    public static MatchEvidence of(ContactKind kind) {
        switch (kind) {
            case PHONE:
                return PHONE;
            case EMAIL:
                return EMAIL;
            case CHAT:
                return CHAT_HANDLE;
            default:
                throw new IllegalArgumentException("unhandled contact kind " + kind);
        }
    }

    /** Whether this evidence alone confirms identity (only an identifier does). */
    public boolean confirms() {
        return this == IDENTIFIER;
    }
}
