package org.ventanilla.core.port;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Size limits of the records port, checked alike by every adapter so that the memory adapter refuses what the
 * databases would refuse. Messages name the field and the limit, never the value (a key may be an identifier).
 */
public final class RecordLimits {

    /** Longest record kind, key kind or aggregate type. */
    public static final int MAX_KIND_LENGTH = 64;
    /** Longest record id or aggregate id. */
    public static final int MAX_ID_LENGTH = 200;
    /** Longest lookup key (and key prefix). */
    public static final int MAX_KEY_LENGTH = 500;
    /** Longest event type. */
    public static final int MAX_EVENT_TYPE_LENGTH = 100;
    /** Longest sequence name. */
    public static final int MAX_SEQUENCE_NAME_LENGTH = 100;
    /** Largest JSON body of a record or payload of an event, in characters. */
    public static final int MAX_JSON_LENGTH = 1_000_000;
    /** Most rows one listing ({@code keysWithPrefix}, {@code unpublishedEvents}) returns. */
    public static final int MAX_LIST_LIMIT = 10_000;

    private RecordLimits() {
    }

    /** Checks a kind, key kind or aggregate type. */
    public static String kind(String what, String value) {
        return text(what, value, MAX_KIND_LENGTH);
    }

    /** Checks a record id or aggregate id. */
    public static String id(String what, String value) {
        return text(what, value, MAX_ID_LENGTH);
    }

    /** Checks a lookup key; the message never shows it. */
    public static String key(String value) {
        return text("lookup key", value, MAX_KEY_LENGTH);
    }

    /** Checks a key prefix (may be empty). */
    public static String prefix(String value) {
        if (value == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "key prefix is missing");
        }
        if (value.length() > MAX_KEY_LENGTH) {
            throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED,
                    "key prefix is too long (" + value.length() + " characters, at most " + MAX_KEY_LENGTH + ")");
        }
        return value;
    }

    /** Checks a JSON body or payload. */
    public static String json(String what, String value) {
        if (value == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, what + " is missing");
        }
        if (value.length() > MAX_JSON_LENGTH) {
            throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED,
                    what + " is too large (" + value.length() + " characters, at most " + MAX_JSON_LENGTH + ")");
        }
        return value;
    }

    /** Checks a listing limit. */
    public static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "limit (" + limit + ") must be between 1 and " + MAX_LIST_LIMIT);
        }
        return limit;
    }

    /** Checks an outbox event draft. */
    public static OutboxEvent.Draft event(OutboxEvent.Draft event) {
        if (event == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "outbox event is missing");
        }
        kind("aggregate type", event.aggregateType());
        id("aggregate id", event.aggregateId());
        text("event type", event.type(), MAX_EVENT_TYPE_LENGTH);
        json("event payload", event.payload());
        return event;
    }

    /** Checks a sequence name. */
    public static String sequenceName(String value) {
        return text("sequence name", value, MAX_SEQUENCE_NAME_LENGTH);
    }

    private static String text(String what, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, what + " is missing or blank");
        }
        if (value.length() > max) {
            throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED,
                    what + " is too long (" + value.length() + " characters, at most " + max + ")");
        }
        return value;
    }
}
