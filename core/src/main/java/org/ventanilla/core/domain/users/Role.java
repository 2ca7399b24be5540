package org.ventanilla.core.domain.users;

/** What a staff user may do; a user has one or more. */
public enum Role {
    /** Front office: answers live contacts, inserts approved answers, turns contacts into cases. */
    AGENT,
    /** Works the deferred cases of their team against legal deadlines. */
    BACK_OFFICE,
    /** Watches queues and agents live, moves agents between queues, reads reports. */
    SUPERVISOR,
    /** Manages users, the catalog and approved answers; answers to the data-protection authority. */
    ADMINISTRATOR
}
