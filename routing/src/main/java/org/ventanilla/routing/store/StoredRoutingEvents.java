package org.ventanilla.routing.store;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.RecordLimits;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.port.RecordTransaction;
import org.ventanilla.core.port.RecordTransaction.KeyEntry;
import org.ventanilla.core.port.StoredRecord;
import org.ventanilla.routing.api.CaseRequest;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.engine.RoutingEventSink;

/**
 * The routing history: stores every routing event through core's records port (kind {@value #KIND}) with lookup keys
 * ordered by time, per item, per agent and for the whole node, and answers the report queries over them. It also
 * keeps the request behind each work item and case ({@value #ITEM_KIND}, {@value #CASE_KIND}) so that
 * {@link RoutingRestore} can rebuild them after a restart.
 *
 * <p>{@link #record} is called by the engine under its lock, so it only puts the event on a queue; one writer thread
 * drains the queue and writes up to {@link #BATCH_SIZE} entries per transaction. When the database fails, the batch
 * is kept and retried after {@link #RETRY_DELAY}, in order. {@link #flush()} completes once everything queued before
 * it is committed. When the queue is full (the database has been down for long) new events are dropped and counted.
 */
public final class StoredRoutingEvents implements RoutingEventSink, AutoCloseable {

    /** Record kind of one stored event; its id is {@code <time>/<node>/<counter>}. */
    public static final String KIND = "routing-event";
    /** Record kind of the enqueue request of a work item (id = item id). */
    public static final String ITEM_KIND = "routing-item";
    /** Record kind of the request of a deferred case (id = case id). */
    public static final String CASE_KIND = "routing-case";
    /** Key kind: {@code <time>/<event id>}. */
    public static final String BY_TIME = "routing-event-time";
    /** Key kind: {@code <item id>/<time>/<event id>}. */
    public static final String BY_ITEM = "routing-event-item";
    /** Key kind: {@code <agent id>/<time>/<event id>}. */
    public static final String BY_AGENT = "routing-event-agent";
    /** Most entries written in one transaction. */
    public static final int BATCH_SIZE = 500;
    /** Most entries waiting to be written; beyond it events are dropped (and counted). */
    public static final int QUEUE_CAPACITY = 500_000;
    /** Wait before a failed batch is tried again. */
    public static final Duration RETRY_DELAY = Duration.ofMillis(500);

    /** A separator no routing id may contain ({@link org.ventanilla.routing.api.RoutingIds}), so prefixes never clash. */
    private static final String SEP = "/";
    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int TIME_LENGTH = FIXED.format(Instant.EPOCH).length();
    private static final String KEY_CHARACTERS = "-.0123456789:TZ";
    private static final Logger LOG = LoggerFactory.getLogger(StoredRoutingEvents.class);

    private final RecordStore store;
    private final String node;
    private final AtomicLong counter = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;
    private volatile boolean running = true;
    private volatile boolean failing;

    private StoredRoutingEvents(RecordStore store, String node) {
        this.store = Objects.requireNonNull(store, "store");
        this.node = RecordLimits.id("node tag", node);
        this.writer = new Thread(this::drain, "routing-history-writer");
        this.writer.setDaemon(true);
    }

    /**
     * A history over {@code store}, its writer thread started. {@code node} tells this node's events apart (a short
     * tag such as the host name); ids stay unique across nodes.
     */
    public static StoredRoutingEvents create(RecordStore store, String node) {
        StoredRoutingEvents history = new StoredRoutingEvents(store, node);
        history.writer.start();
        return history;
    }

    // ---- writing ----

    @Override
    public void record(RoutingEvent event) {
        add(new Pending(event, null, null, null));
    }

    /** Keeps the request behind a work item, for a restore; call before enqueueing it. */
    public void itemRequested(EnqueueRequest request) {
        add(new Pending(null, request, null, null));
    }

    /** Keeps the request behind a deferred case, for a restore; call before adding it. */
    public void caseRequested(CaseRequest request) {
        add(new Pending(null, null, request, null));
    }

    /** Completes when everything handed to this history before the call is committed. */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new VentanillaException(ErrorCode.UNAVAILABLE, "routing history is closed"));
            return done;
        }
        try {
            queue.put(new Pending(null, null, null, done));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Events dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Events written so far. */
    public long written() {
        return written.get();
    }

    /** Entries waiting to be written. */
    public int backlog() {
        return queue.size();
    }

    /** False while the last write failed (the database is unreachable); entries are kept and retried. */
    public boolean isHealthy() {
        return !failing;
    }

    private void add(Pending pending) {
        if (!queue.offer(pending)) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 10_000 == 0) {
                LOG.error("routing history queue is full ({} entries); {} events dropped so far", QUEUE_CAPACITY, count);
            }
        }
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(BATCH_SIZE);
        while (running || !queue.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH_SIZE - 1);
                }
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.error("routing history cannot write {} entries; retrying every {} ms", batch.size(),
                            RETRY_DELAY.toMillis(), e);
                }
                failing = true;
                if (!running) {
                    failAll(batch, e);
                    return;
                }
                try {
                    Thread.sleep(RETRY_DELAY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void write(List<Pending> batch) {
        int events = store.inTransaction(tx -> {
            int count = 0;
            for (Pending pending : batch) {
                if (pending.event() != null) {
                    insertEvent(tx, pending.event());
                    count++;
                } else if (pending.item() != null) {
                    put(tx, ITEM_KIND, pending.item().itemId(), RoutingJson.toJson(pending.item()).encode());
                } else if (pending.caseRequest() != null) {
                    put(tx, CASE_KIND, pending.caseRequest().caseId(), RoutingJson.toJson(pending.caseRequest()).encode());
                }
            }
            return count;
        });
        written.addAndGet(events);
        if (failing) {
            LOG.info("routing history writes again");
            failing = false;
        }
        for (Pending pending : batch) {
            if (pending.flushed() != null) {
                pending.flushed().complete(null);
            }
        }
    }

    private static void failAll(List<Pending> batch, RuntimeException cause) {
        for (Pending pending : batch) {
            if (pending.flushed() != null) {
                pending.flushed().completeExceptionally(cause);
            }
        }
    }

    private void insertEvent(RecordTransaction tx, RoutingEvent event) {
        String time = FIXED.format(event.at());
        String id = time + SEP + node + SEP + String.format("%019d", counter.incrementAndGet());
        tx.insert(KIND, id, RoutingJson.toJson(event).encode());
        tx.claimKey(BY_TIME, time + SEP + id, id);
        if (event.itemId() != null) {
            tx.claimKey(BY_ITEM, event.itemId() + SEP + time + SEP + id, id);
        }
        if (event.agentId() != null) {
            tx.claimKey(BY_AGENT, event.agentId() + SEP + time + SEP + id, id);
        }
    }

    private static void put(RecordTransaction tx, String kind, String id, String json) {
        Optional<StoredRecord> existing = tx.get(kind, id);
        if (existing.isPresent()) {
            tx.update(kind, id, existing.get().version(), json);
        } else {
            tx.insert(kind, id, json);
        }
    }

    // ---- reading ----

    /** Every stored event of a work item (or case), oldest first. */
    public List<RoutingEvent> ofItem(String itemId) {
        return scan(BY_ITEM, itemId + SEP, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), Integer.MAX_VALUE);
    }

    /** The stored events of an agent at or after {@code from} and before {@code to}, oldest first. */
    public List<RoutingEvent> ofAgent(String agentId, Instant from, Instant to) {
        return scan(BY_AGENT, agentId + SEP, from, to, Integer.MAX_VALUE);
    }

    /** The stored events at or after {@code from} and before {@code to}, oldest first, at most {@code limit}. */
    public List<RoutingEvent> between(Instant from, Instant to, int limit) {
        return scan(BY_TIME, "", from, to, limit);
    }

    /** The enqueue request kept for a work item. */
    public Optional<EnqueueRequest> itemRequest(String itemId) {
        return store.inTransaction(tx -> tx.get(ITEM_KIND, itemId))
                .map(stored -> RoutingJson.enqueueRequest(new JsonObject(stored.json())));
    }

    /** The request kept for a deferred case. */
    public Optional<CaseRequest> caseRequest(String caseId) {
        return store.inTransaction(tx -> tx.get(CASE_KIND, caseId))
                .map(stored -> RoutingJson.caseRequest(new JsonObject(stored.json())));
    }

    /**
     * Lists the keys {@code base + time...} with the time in [from, to): starts with the longest prefix both ends
     * share and, where a prefix reaches the listing limit of the port, narrows it one character at a time.
     */
    private List<RoutingEvent> scan(String keyKind, String base, Instant from, Instant to, int limit) {
        if (from == null || to == null || !to.isAfter(from)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "time range [" + from + ", " + to + ") is empty");
        }
        String low = FIXED.format(from);
        String high = FIXED.format(to);
        int common = 0;
        while (common < TIME_LENGTH && low.charAt(common) == high.charAt(common)) {
            common++;
        }
        List<String> ids = new ArrayList<>();
        collect(keyKind, base, low.substring(0, common), low, high, limit, ids);
        List<RoutingEvent> events = new ArrayList<>(ids.size());
        for (int start = 0; start < ids.size(); start += BATCH_SIZE) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + BATCH_SIZE));
            store.inTransaction(tx -> {
                for (String id : chunk) {
                    tx.get(KIND, id).ifPresent(stored -> events.add(RoutingJson.routingEvent(new JsonObject(stored.json()))));
                }
                return null;
            });
        }
        return events;
    }

    private void collect(String keyKind, String base, String time, String low, String high, int limit, List<String> ids) {
        if (ids.size() >= limit) {
            return;
        }
        String prefix = base + time;
        List<KeyEntry> keys = store.inTransaction(tx -> tx.keysWithPrefix(keyKind, prefix, RecordLimits.MAX_LIST_LIMIT));
        if (keys.size() < RecordLimits.MAX_LIST_LIMIT || time.length() >= TIME_LENGTH) {
            for (KeyEntry key : keys) {
                String at = key.key().substring(base.length(), base.length() + TIME_LENGTH);
                if (at.compareTo(low) >= 0 && at.compareTo(high) < 0 && ids.size() < limit) {
                    ids.add(key.id());
                }
            }
            return;
        }
        for (char next : KEY_CHARACTERS.toCharArray()) {
            String narrower = time + next;
            int n = narrower.length();
            if (narrower.compareTo(low.substring(0, n)) >= 0 && narrower.compareTo(high.substring(0, n)) <= 0) {
                collect(keyKind, base, narrower, low, high, limit, ids);
            }
        }
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(RoutingEvent event, EnqueueRequest item, CaseRequest caseRequest, CompletableFuture<Void> flushed) {
    }
}
