package org.ventanilla.core.domain.citizen;

/** The kinds of {@link ContactPoint}. */
public enum ContactKind {
    /** A phone number, in E.164. */
    PHONE,
    /** An email address. */
    EMAIL,
    /** A handle on a chat network (web chat session, messaging account). */
    CHAT
}
