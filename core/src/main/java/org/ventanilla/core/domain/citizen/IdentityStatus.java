package org.ventanilla.core.domain.citizen;

/** How sure Ventanilla is that a contact comes from a given citizen. */
public enum IdentityStatus {
    /** Suggested by a phone number, email address or chat handle; shown to the agent, never acted on silently. */
    PROPOSED,
    /** Established by an identification document, or by an agent who checked. */
    CONFIRMED
}
