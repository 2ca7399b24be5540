package org.ventanilla.core.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.ventanilla.core.domain.answers.AnswerChannel;
import org.ventanilla.core.domain.answers.AnswerUse;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.port.RecordTransaction;

/**
 * Every use of an approved answer, recorded with its interaction (answer id and version), so that one question
 * can be shown to get the same answer on every channel and free-text replies stand out in reports.
 */
public final class AnswerUseLog {

    static final String KIND = "answer-use";
    static final String BY_INTERACTION = "answer-use-interaction";
    static final String BY_ANSWER = "answer-use-answer";

    private final RecordStore store;

    public AnswerUseLog(RecordStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Records the use in its own transaction. */
    public void record(AnswerUse use) {
        store.inTransaction(tx -> {
            record(tx, use);
            return null;
        });
    }

    /** Records the use inside the caller's transaction (with the reply that carried it). */
    public void record(RecordTransaction tx, AnswerUse use) {
        String id = UUID.randomUUID().toString();
        tx.insert(KIND, id, new JsonObject().put("answerId", use.answerId()).put("version", use.version())
                .put("interactionId", use.interactionId()).put("channel", use.channel().name()).put("at", use.at().toString())
                .encode());
        tx.claimKey(BY_INTERACTION, use.interactionId() + ":" + use.at() + ":" + id, id);
        tx.claimKey(BY_ANSWER, use.answerId() + ":" + use.at() + ":" + id, id);
    }

    /** The answers used in one interaction, in order of use. */
    public List<AnswerUse> usesIn(String interactionId) {
        return list(BY_INTERACTION, interactionId + ":");
    }

    /** Every use of one answer (all versions), in order of use. */
    public List<AnswerUse> usesOf(String answerId) {
        return list(BY_ANSWER, answerId + ":");
    }

    private List<AnswerUse> list(String keyKind, String prefix) {
        return store.inTransaction(tx -> tx.keysWithPrefix(keyKind, prefix, 10_000).stream()
                .map(k -> tx.get(KIND, k.id()).orElseThrow())
                .map(r -> {
                    JsonObject o = new JsonObject(r.json());
                    return new AnswerUse(o.getString("answerId"), o.getInteger("version"), o.getString("interactionId"),
                            AnswerChannel.valueOf(o.getString("channel")), Instant.parse(o.getString("at")));
                })
                .toList());
    }
}
