package org.ventanilla.channels.chat;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Decodes and checks the JSON frames of the chat WebSockets, and builds the error frame. A frame is one JSON
 * object with a {@code type}; anything else is refused with a {@link VentanillaException} whose message becomes
 * the error frame, so that bad input never closes a connection by surprise nor crashes a handler.
 */
public final class FrameCodec {

    /** Frame types a citizen may send. */
    public static final Set<String> CITIZEN_TYPES = Set.of("start", "resume", "msg", "typing", "delivered", "read",
            "solved", "leave", "end", "rate", "transcript", "ping");
    /** Frame types an agent may send. */
    public static final Set<String> AGENT_TYPES = Set.of("auth", "accept", "decline", "msg", "typing", "delivered", "read",
            "end", "transfer", "escalate", "petition", "ping");

    private final int maxFrameChars;
    private final int maxTextChars;
    private final Set<String> allowedTypes;

    public FrameCodec(int maxFrameChars, int maxTextChars, Set<String> allowedTypes) {
        this.maxFrameChars = maxFrameChars;
        this.maxTextChars = maxTextChars;
        this.allowedTypes = Set.copyOf(allowedTypes);
    }

    /** The frame in {@code text}, checked; throws INVALID_INPUT or LIMIT_EXCEEDED. */
    public JsonObject decode(String text) {
        if (text == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "frame is empty");
        }
        if (text.length() > maxFrameChars) {
            throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED,
                    "frame length (" + text.length() + ") exceeds the allowed maximum (" + maxFrameChars + ")");
        }
        JsonObject frame;
        try {
            String trimmed = text.strip();
            if (!trimmed.startsWith("{")) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "frame is not a JSON object");
            }
            frame = new JsonObject(trimmed);
        } catch (DecodeException | ClassCastException e) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "frame is not valid JSON");
        }
        Object type = frame.getValue("type");
        if (!(type instanceof String)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "frame has no type");
        }
        if (!allowedTypes.contains(type)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "frame type '" + shorten((String) type) + "' is unknown (known: "
                            + String.join(", ", allowedTypes.stream().sorted().toList()) + ")");
        }
        return frame;
    }

    /** The text field of a frame, checked against the text limit; null when absent. */
    public String text(JsonObject frame, String field) {
        Object value = frame.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "field '" + field + "' of a " + frame.getString("type")
                    + " frame is not text");
        }
        String s = (String) value;
        if (s.length() > maxTextChars) {
            throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED,
                    "message length (" + s.length() + ") exceeds the allowed maximum (" + maxTextChars + ")");
        }
        return s;
    }

    /** A required non-blank text field. */
    public String requiredText(JsonObject frame, String field) {
        String s = text(frame, field);
        if (s == null || s.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "a " + frame.getString("type") + " frame needs '" + field + "'");
        }
        return s;
    }

    /** A non-negative whole number field, or {@code fallback} when absent. */
    public long number(JsonObject frame, String field, long fallback) {
        Object value = frame.getValue(field);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number) || ((Number) value).longValue() < 0) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "field '" + field + "' of a " + frame.getString("type")
                    + " frame is not a non-negative number");
        }
        return ((Number) value).longValue();
    }

    /** The error frame for a failure; {@code ref} echoes the client's message id when known. */
    public static JsonObject error(ErrorCode code, String message, String ref) {
        JsonObject frame = new JsonObject().put("type", "error").put("code", code.name()).put("message", message);
        if (ref != null) {
            frame.put("ref", ref);
        }
        return frame;
    }

    private static String shorten(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "…" : s;
    }
}
