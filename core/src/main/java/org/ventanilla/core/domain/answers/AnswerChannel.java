package org.ventanilla.core.domain.answers;

/** The renderings an approved answer has: one per kind of channel. */
public enum AnswerChannel {
    /** Short spoken text, read by an agent or the IVR: no links, no lists. */
    VOICE,
    /** Short text for a chat window. */
    CHAT,
    /** Full text for an email reply (also used for Open311 notes). */
    EMAIL
}
