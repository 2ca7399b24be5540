package org.ventanilla.routing.api;

/** The channel a work item arrived on; capacity and timeouts are counted per channel. */
public enum Channel {
    /** A phone call through Asterisk; exclusive: an agent on a call takes nothing else. */
    VOICE,
    /** A web chat session. */
    CHAT,
    /** An email thread. */
    EMAIL,
    /** A request filed through the Open311 (GeoReport v2) API. */
    OPEN311
}
