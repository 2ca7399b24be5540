package org.ventanilla.channels.chat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored message of a chat.
 *
 * @param chatId the chat
 * @param seq its place in the chat, from 1
 * @param from {@code citizen}, {@code agent} or {@code system}
 * @param kind {@code text} for what a person wrote; for system messages what happened ({@code agent-joined},
 *     {@code emergency}, {@code self-service}, {@code case}, {@code status}, {@code ended}, {@code notice})
 * @param text the text, shown as text only, never as markup
 * @param cid the sender's own id of the message (idempotency key), null for system messages
 * @param at when it was stored
 * @param data extra fields of system messages (a radicado, an answer id), never null
 */
public record ChatMessage(String chatId, long seq, String from, String kind, String text, String cid, Instant at, JsonObject data) {

    public ChatMessage {
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        text = text == null ? "" : text;
        data = data == null ? new JsonObject() : data;
    }

    /** The stored form (also the form sent between nodes). */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("chatId", chatId).put("seq", seq).put("from", from).put("kind", kind)
                .put("text", text).put("at", at.toString()).put("data", data);
        if (cid != null) {
            json.put("cid", cid);
        }
        return json;
    }

    public static ChatMessage fromJson(JsonObject json) {
        return new ChatMessage(json.getString("chatId"), json.getLong("seq"), json.getString("from"), json.getString("kind"),
                json.getString("text"), json.getString("cid"), Instant.parse(json.getString("at")), json.getJsonObject("data"));
    }

    /** The frame a client receives for this message. */
    public JsonObject toFrame() {
        return toJson().put("type", "msg");
    }
}
