package org.ventanilla.channels.chat;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.port.RecordTransaction;
import org.ventanilla.core.port.StoredRecord;

/**
 * Chats and their messages in the records port. Blocking: call it off the event loop.
 *
 * <p>A message's place is claimed as the unique key {@code chatId:seq} (kind {@value #SEQ_KEY}, the claimant a fresh
 * random id so that two writers can never both hold it) in the same
 * transaction that stores it, so two writers (two threads, two nodes) never get one place, and a place is only
 * tried after the one before it is taken. A sender's own message id is claimed too (kind {@value #CID_KEY}), so a
 * message sent twice (a retry after a drop, a double click) is stored once and the second send is answered with
 * the first one's place.
 */
public final class ChatStore {

    /** Record kind of a chat. */
    public static final String CHAT = "chat";
    /** Record kind of a message. */
    public static final String MESSAGE = "chat-message";
    /** Key kind of the places of messages. */
    public static final String SEQ_KEY = "chat-seq";
    /** Key kind of the senders' message ids. */
    public static final String CID_KEY = "chat-cid";
    /** Key kind of the digests of session tokens. */
    public static final String TOKEN_KEY = "chat-token";
    /** Most messages read at once when catching up. */
    public static final int MAX_MESSAGES = 10_000;

    private static final int MAX_ATTEMPTS = 50;

    private final RecordStore records;
    private final Clock clock;
    private final Map<String, Long> lastSeq = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public ChatStore(RecordStore records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** Stores a new chat whose session token has {@code tokenDigest}. */
    public void createChat(String chatId, String tokenDigest, JsonObject chat) {
        records.inTransaction(tx -> {
            if (!tx.claimKey(TOKEN_KEY, tokenDigest, chatId)) {
                throw new VentanillaException(ErrorCode.CONFLICT, "session token is already in use");
            }
            tx.insert(CHAT, chatId, chat.copy().put("chatId", chatId).encode());
            return null;
        });
    }

    /** The chat of a session token's digest. */
    public Optional<JsonObject> findByToken(String tokenDigest) {
        return records.inTransaction(tx -> tx.findByKey(TOKEN_KEY, tokenDigest).flatMap(id -> tx.get(CHAT, id)))
                .map(r -> new JsonObject(r.json()));
    }

    /**
     * The chat whose work item (its interaction, from intake) is {@code itemId}: the interaction's external id is the
     * chat id, with a suffix for a case filed from the chat.
     */
    public Optional<String> chatOfItem(String itemId) {
        return records.inTransaction(tx -> tx.get(org.ventanilla.core.store.RecordKinds.INTERACTION, itemId))
                .map(r -> new JsonObject(r.json()).getString("externalId"))
                .map(external -> external.contains("#") ? external.substring(0, external.indexOf('#')) : external)
                // a chat routed without an interaction (intake failed) is routed under its own id
                .or(() -> Optional.of(itemId))
                .filter(chatId -> records.inTransaction(tx -> tx.get(CHAT, chatId)).isPresent());
    }

    public Optional<JsonObject> chat(String chatId) {
        return records.inTransaction(tx -> tx.get(CHAT, chatId)).map(r -> new JsonObject(r.json()));
    }

    /** Changes a chat (optimistic locking, retried on a conflict); returns the new state. */
    public JsonObject updateChat(String chatId, UnaryOperator<JsonObject> change) {
        for (int attempt = 0; ; attempt++) {
            try {
                return records.inTransaction(tx -> {
                    StoredRecord current = tx.get(CHAT, chatId).orElseThrow(
                            () -> new VentanillaException(ErrorCode.NOT_FOUND, "chat " + chatId + " is unknown"));
                    JsonObject next = change.apply(new JsonObject(current.json()));
                    tx.update(CHAT, chatId, current.version(), next.encode());
                    return next;
                });
            } catch (VentanillaException e) {
                if (e.code() != ErrorCode.CONFLICT || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Stores a message at the chat's next place, or finds the earlier copy when {@code cid} was already used by
     * the same sender. Durable when this returns.
     */
    public Appended append(String chatId, String from, String kind, String text, String cid, JsonObject data) {
        synchronized (locks.computeIfAbsent(chatId, k -> new Object())) {
            long seq = lastSeq.computeIfAbsent(chatId, this::lastStoredSeq) + 1;
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                long place = seq;
                Appended result;
                try {
                    result = records.inTransaction(tx -> {
                        String messageId = messageId(chatId, place);
                        String cidKey = cid == null ? null : chatId + ":" + from + ":" + cid;
                        Optional<String> earlier = cidKey == null ? Optional.empty() : tx.findByKey(CID_KEY, cidKey);
                        if (earlier.isPresent()) {
                            StoredRecord r = tx.get(MESSAGE, earlier.get()).orElseThrow();
                            return new Appended(ChatMessage.fromJson(new JsonObject(r.json())), true);
                        }
                        // the claimant is unique to this attempt: a claim for the same id would succeed twice
                        if (!tx.claimKey(SEQ_KEY, messageId, messageId + "#" + SessionTokens.newId())) {
                            return null;
                        }
                        if (cidKey != null && !tx.claimKey(CID_KEY, cidKey, messageId)) {
                            // another node stored the same message meanwhile: undo our place and read theirs
                            throw new RaceLost();
                        }
                        ChatMessage m = new ChatMessage(chatId, place, from, kind, text, cid, clock.instant(), data);
                        tx.insert(MESSAGE, messageId, m.toJson().encode());
                        return new Appended(m, false);
                    });
                } catch (RaceLost ignored) {
                    continue;
                }
                if (result != null) {
                    if (!result.duplicate()) {
                        lastSeq.merge(chatId, place, Math::max);
                    }
                    return result;
                }
                // another node wrote to this chat since we last looked: start after its last message
                seq = Math.max(seq, lastStoredSeq(chatId)) + 1;
                lastSeq.merge(chatId, seq - 1, Math::max);
            }
            throw new VentanillaException(ErrorCode.UNAVAILABLE,
                    "chat " + chatId + " could not get a place for a message after " + MAX_ATTEMPTS + " attempts");
        }
    }

    /** The messages after {@code afterSeq}, in order. */
    public List<ChatMessage> messagesAfter(String chatId, long afterSeq) {
        return records.inTransaction(tx -> {
            List<ChatMessage> out = new ArrayList<>();
            for (RecordTransaction.KeyEntry e : tx.keysWithPrefix(SEQ_KEY, chatId + ":", MAX_MESSAGES)) {
                if (seqOf(e.key()) > afterSeq) {
                    tx.get(MESSAGE, e.key()).ifPresent(r -> out.add(ChatMessage.fromJson(new JsonObject(r.json()))));
                }
            }
            return out;
        });
    }

    /** Links a stored attachment to its chat (once). */
    public void linkAttachment(String attachmentId, String chatId) {
        records.inTransaction(tx -> {
            if (!tx.claimKey(ChatAttachments.ATTACHMENT_KEY, attachmentId, chatId)) {
                throw new VentanillaException(ErrorCode.CONFLICT, "attachment belongs to another chat");
            }
            return null;
        });
    }

    /** The chat an attachment belongs to. */
    public Optional<String> attachmentChat(String attachmentId) {
        return records.inTransaction(tx -> tx.findByKey(ChatAttachments.ATTACHMENT_KEY, attachmentId));
    }

    /** Forgets what this node cached about a chat (after it ended). */
    public void forget(String chatId) {
        lastSeq.remove(chatId);
        locks.remove(chatId);
    }

    private long lastStoredSeq(String chatId) {
        List<RecordTransaction.KeyEntry> keys = records.inTransaction(tx -> tx.keysWithPrefix(SEQ_KEY, chatId + ":", MAX_MESSAGES));
        return keys.isEmpty() ? 0 : seqOf(keys.get(keys.size() - 1).key());
    }

    static String messageId(String chatId, long seq) {
        return chatId + ":" + String.format("%010d", seq);
    }

    private static long seqOf(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf(':') + 1));
    }

    private static final class RaceLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RaceLost() {
            super(null, null, false, false);
        }
    }

    /** A stored message and whether it had been stored before (a duplicate send). */
    public record Appended(ChatMessage message, boolean duplicate) {
    }
}
