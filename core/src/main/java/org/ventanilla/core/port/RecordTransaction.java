package org.ventanilla.core.port;

import java.util.List;
import java.util.Optional;

/**
 * What a unit of work may do inside {@link RecordStore#inTransaction}. Only valid during that call.
 */
public interface RecordTransaction {

    /** The record of that kind and id, if any. */
    Optional<StoredRecord> get(String kind, String id);

    /**
     * Stores a new record (version 1).
     *
     * @throws org.ventanilla.core.error.VentanillaException with code CONFLICT when it exists already
     */
    StoredRecord insert(String kind, String id, String json);

    /**
     * Replaces a record if its version is still {@code expectedVersion} (optimistic locking); the stored
     * version becomes {@code expectedVersion + 1}.
     *
     * @throws org.ventanilla.core.error.VentanillaException CONFLICT on a stale version, NOT_FOUND when absent
     */
    StoredRecord update(String kind, String id, long expectedVersion, String json);

    /**
     * Claims a unique lookup key (for example an external id, an identifier, a radicado) for a record id.
     * Returns true when this transaction now holds the key for {@code id} (also when it held it already for
     * the same id); false when another id holds it. Two transactions racing for one key: exactly one wins,
     * the other sees false once the winner commits.
     */
    boolean claimKey(String kind, String key, String id);

    /** The record id a lookup key points to. */
    Optional<String> findByKey(String kind, String key);

    /** Removes a lookup key (no-op when absent). */
    void releaseKey(String kind, String key);

    /**
     * Ids whose keys of that kind start with {@code prefix}, in key order, at most {@code limit}: sortable keys
     * (for example {@code team:obras:2026-12-01:<id>}) make ordered work lists.
     */
    List<KeyEntry> keysWithPrefix(String kind, String prefix, int limit);

    /** Appends an event to the outbox, committed with the rest of the transaction. */
    void appendEvent(OutboxEvent.Draft event);

    /** A key and the record id it points to. */
    record KeyEntry(String key, String id) {
    }
}
