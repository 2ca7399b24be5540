package org.ventanilla.core.port;

import java.util.List;

/**
 * The records port: a transactional store of domain records (JSON documents by kind and id), unique
 * lookup keys, per-name sequences, and the transactional outbox.
 *
 * <p>Every method blocks: adapters backed by JDBC refuse to run on a Vert.x event-loop thread. Callers on
 * an event loop go through {@code executeBlocking} or a worker verticle.
 *
 * <p>One contract suite ({@code RecordStoreContract}) is run by every adapter: memory, H2 and PostgreSQL.
 */
public interface RecordStore extends AutoCloseable {

    /**
     * Runs {@code work} in one transaction: everything it writes (records, keys, outbox events) is
     * committed together, or nothing is. A failure thrown by {@code work} rolls back and is rethrown.
     * When this method returns, the commit is durable (on H2: it survives the death of the process, see
     * docs/adr/0001-h2-durability.md).
     *
     * <p>Transactions do not nest: calling {@code inTransaction} from inside {@code work} fails with INTERNAL.
     * {@link #nextInSequence} may be called from inside {@code work}. Limits on kinds, ids, keys and bodies are in
     * {@link RecordLimits}. When the backing database cannot be reached the call fails with UNAVAILABLE.
     */
    <T> T inTransaction(TransactionWork<T> work);

    /**
     * The next value of the named sequence (1, 2, 3...). Values are unique and increasing in the order
     * they are handed out, across threads and nodes sharing the store; a value taken by a transaction that
     * later fails leaves a gap.
     */
    long nextInSequence(String name);

    /**
     * Makes sure the named sequence exists, outside any transaction. Callers that take sequence values inside a
     * transaction call this first, so that creating the sequence never needs a second connection while the
     * transaction holds one (under a full pool that would wait on itself). Cheap once the sequence is known.
     */
    default void ensureSequence(String name) {
    }

    /**
     * Outbox events not yet marked published, oldest first (by their global sequence), at most {@code limit}.
     * Transactions writing the same record commit one after the other, so the events of one aggregate come in
     * commit order; an event of an unrelated transaction that took its number earlier but committed later
     * shows up in a later call.
     */
    List<OutboxEvent> unpublishedEvents(int limit);

    /** Marks the given outbox events as published (by their sequence numbers); unknown numbers are ignored. */
    void markPublished(List<Long> sequences);

    /** A cheap round trip to the backing store; false when it cannot be reached right now. */
    boolean isReachable();

    /** Releases the pool or files behind the store. */
    @Override
    void close();

    /** The unit of work run in {@link #inTransaction}. */
    @FunctionalInterface
    interface TransactionWork<T> {
        T run(RecordTransaction tx);
    }
}
