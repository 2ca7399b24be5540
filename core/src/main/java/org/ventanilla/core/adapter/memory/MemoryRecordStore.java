package org.ventanilla.core.adapter.memory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.OutboxEvent;
import org.ventanilla.core.port.RecordLimits;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.port.RecordTransaction;
import org.ventanilla.core.port.StoredRecord;

/**
 * The records port in memory, for tests and demonstrations: nothing survives the process.
 *
 * <p>Transactions run one at a time (one lock for the whole store), writing in place and keeping an undo log
 * that a failure replays backwards, so a unit of work is all-or-nothing and two transactions racing for one key
 * are simply ordered: the first wins, the second sees the key taken.
 */
public final class MemoryRecordStore implements RecordStore {

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Map<RecordKey, StoredRecord> records = new HashMap<>();
    private final Map<String, TreeMap<String, String>> keys = new HashMap<>();
    private final TreeMap<Long, OutboxEvent> unpublished = new TreeMap<>();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final ThreadLocal<MemoryTransaction> current = new ThreadLocal<>();
    private long lastEventSequence;
    private volatile boolean closed;

    private MemoryRecordStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new empty store using the system clock (UTC). */
    public static MemoryRecordStore create() {
        return new MemoryRecordStore(Clock.systemUTC());
    }

    /** A new empty store taking record and event times from {@code clock}. */
    public static MemoryRecordStore create(Clock clock) {
        return new MemoryRecordStore(clock);
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        checkOpen();
        if (current.get() != null) {
            throw new VentanillaException(ErrorCode.INTERNAL,
                    "inTransaction was called inside a transaction; nested transactions are not supported");
        }
        lock.lock();
        MemoryTransaction tx = new MemoryTransaction();
        current.set(tx);
        try {
            T result = work.run(tx);
            tx.commit();
            return result;
        } finally {
            current.remove();
            tx.rollbackIfOpen();
            lock.unlock();
        }
    }

    @Override
    public long nextInSequence(String name) {
        RecordLimits.sequenceName(name);
        checkOpen();
        return sequences.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public List<OutboxEvent> unpublishedEvents(int limit) {
        RecordLimits.limit(limit);
        checkOpen();
        lock.lock();
        try {
            List<OutboxEvent> result = new ArrayList<>(Math.min(limit, unpublished.size()));
            for (OutboxEvent event : unpublished.values()) {
                if (result.size() == limit) {
                    break;
                }
                result.add(event);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void markPublished(List<Long> sequenceNumbers) {
        Objects.requireNonNull(sequenceNumbers, "sequences");
        checkOpen();
        lock.lock();
        try {
            for (Long sequence : sequenceNumbers) {
                unpublished.remove(sequence);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isReachable() {
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE, "the memory record store is closed");
        }
    }

    private Instant now() {
        // Microseconds, like the databases keep, so that every adapter returns the same instant.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record RecordKey(String kind, String id) {
    }

    /** One unit of work; only used while the store lock is held by its thread. */
    private final class MemoryTransaction implements RecordTransaction {

        private final Deque<Runnable> undo = new ArrayDeque<>();
        private boolean open = true;

        @Override
        public Optional<StoredRecord> get(String kind, String id) {
            check();
            RecordKey key = new RecordKey(RecordLimits.kind("record kind", kind), RecordLimits.id("record id", id));
            return Optional.ofNullable(records.get(key));
        }

        @Override
        public StoredRecord insert(String kind, String id, String json) {
            check();
            RecordKey key = new RecordKey(RecordLimits.kind("record kind", kind), RecordLimits.id("record id", id));
            RecordLimits.json("record body", json);
            if (records.containsKey(key)) {
                throw new VentanillaException(ErrorCode.CONFLICT, "record " + kind + " '" + id + "' exists already");
            }
            StoredRecord stored = new StoredRecord(kind, id, 1, json, now());
            records.put(key, stored);
            undo.push(() -> records.remove(key));
            return stored;
        }

        @Override
        public StoredRecord update(String kind, String id, long expectedVersion, String json) {
            check();
            RecordKey key = new RecordKey(RecordLimits.kind("record kind", kind), RecordLimits.id("record id", id));
            RecordLimits.json("record body", json);
            StoredRecord before = records.get(key);
            if (before == null) {
                throw new VentanillaException(ErrorCode.NOT_FOUND, "record " + kind + " '" + id + "' does not exist");
            }
            if (before.version() != expectedVersion) {
                throw new VentanillaException(ErrorCode.CONFLICT, "record " + kind + " '" + id + "' is at version "
                        + before.version() + ", not " + expectedVersion);
            }
            StoredRecord after = new StoredRecord(kind, id, expectedVersion + 1, json, now());
            records.put(key, after);
            undo.push(() -> records.put(key, before));
            return after;
        }

        @Override
        public boolean claimKey(String kind, String key, String id) {
            check();
            RecordLimits.kind("key kind", kind);
            RecordLimits.key(key);
            RecordLimits.id("record id", id);
            TreeMap<String, String> ofKind = keys.computeIfAbsent(kind, k -> new TreeMap<>());
            String holder = ofKind.get(key);
            if (holder != null) {
                return holder.equals(id);
            }
            ofKind.put(key, id);
            undo.push(() -> ofKind.remove(key));
            return true;
        }

        @Override
        public Optional<String> findByKey(String kind, String key) {
            check();
            RecordLimits.kind("key kind", kind);
            RecordLimits.key(key);
            TreeMap<String, String> ofKind = keys.get(kind);
            return ofKind == null ? Optional.empty() : Optional.ofNullable(ofKind.get(key));
        }

        @Override
        public void releaseKey(String kind, String key) {
            check();
            RecordLimits.kind("key kind", kind);
            RecordLimits.key(key);
            TreeMap<String, String> ofKind = keys.get(kind);
            if (ofKind == null) {
                return;
            }
            String holder = ofKind.remove(key);
            if (holder != null) {
                undo.push(() -> ofKind.put(key, holder));
            }
        }

        @Override
        public List<KeyEntry> keysWithPrefix(String kind, String prefix, int limit) {
            check();
            RecordLimits.kind("key kind", kind);
            RecordLimits.prefix(prefix);
            RecordLimits.limit(limit);
            TreeMap<String, String> ofKind = keys.get(kind);
            List<KeyEntry> result = new ArrayList<>();
            if (ofKind == null) {
                return result;
            }
            for (Map.Entry<String, String> entry : ofKind.tailMap(prefix, true).entrySet()) {
                if (result.size() == limit || !entry.getKey().startsWith(prefix)) {
                    break;
                }
                result.add(new KeyEntry(entry.getKey(), entry.getValue()));
            }
            return result;
        }

        @Override
        public void appendEvent(OutboxEvent.Draft event) {
            check();
            RecordLimits.event(event);
            long sequence = ++lastEventSequence;
            unpublished.put(sequence, new OutboxEvent(sequence, event.aggregateType(), event.aggregateId(), event.type(),
                    event.payload(), now()));
            // The number stays used after a rollback, as a database identity would: a gap, never a reuse.
            undo.push(() -> unpublished.remove(sequence));
        }

        private void check() {
            if (!open) {
                throw new VentanillaException(ErrorCode.INTERNAL, "the transaction is over; use it only inside inTransaction");
            }
        }

        void commit() {
            undo.clear();
            open = false;
        }

        void rollbackIfOpen() {
            if (!open) {
                return;
            }
            open = false;
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        }
    }
}
