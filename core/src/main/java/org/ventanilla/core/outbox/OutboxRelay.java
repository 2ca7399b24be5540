package org.ventanilla.core.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.OutboxEvent;
import org.ventanilla.core.port.RecordStore;

/**
 * Publishes the events of the transactional outbox: reads unpublished events oldest first, hands each to the
 * publisher in that order, and marks them published afterwards. Delivery is at least once: an event whose
 * publishing succeeded but whose mark was lost (a crash, the database gone) is published again later.
 *
 * <p>A publisher failure stops the batch at that event, so no later event overtakes it; the relay tries again
 * after {@link RelayOptions#getRetryDelay()}. Before each poll the relay asks {@link RelayOptions#getIsLeader()}
 * (a lease in a cluster), so only one node relays at a time.
 *
 * <p>{@link #start()} runs the relay on its own thread; {@link #runOnce()} runs one poll on the caller's thread
 * (tests, or a caller with its own schedule). Both never overlap.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final RecordStore store;
    private final Consumer<OutboxEvent> publisher;
    private final RelayOptions options;
    private final Object pollLock = new Object();
    private final Object lifecycleLock = new Object();
    private ScheduledExecutorService executor;
    private boolean failing;
    private boolean storeFailing;
    private volatile boolean lastPollFailed;

    private OutboxRelay(RecordStore store, Consumer<OutboxEvent> publisher, RelayOptions options) {
        this.store = store;
        this.publisher = publisher;
        this.options = options;
    }

    /** A relay over {@code store} handing events to {@code publisher}; not started. */
    public static OutboxRelay create(RecordStore store, Consumer<OutboxEvent> publisher, RelayOptions options) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(options, "options");
        return new OutboxRelay(store, publisher, new RelayOptions(options));
    }

    /**
     * One poll: when leader, reads up to a batch of unpublished events, publishes them in order until the first
     * failure, and marks the published ones. Returns how many were published.
     *
     * @throws VentanillaException when the store fails (UNAVAILABLE when the database is unreachable)
     */
    public int runOnce() {
        synchronized (pollLock) {
            if (!options.getIsLeader().getAsBoolean()) {
                lastPollFailed = false;
                return 0;
            }
            List<OutboxEvent> events = store.unpublishedEvents(options.getBatchSize());
            List<Long> published = new ArrayList<>(events.size());
            boolean failed = false;
            for (OutboxEvent event : events) {
                try {
                    publisher.accept(event);
                } catch (RuntimeException e) {
                    failed = true;
                    reportPublisherFailure(event, e);
                    break;
                }
                published.add(event.sequence());
            }
            if (!published.isEmpty()) {
                store.markPublished(published);
            }
            if (!failed && failing) {
                LOG.info("Outbox publisher recovered");
                failing = false;
            }
            lastPollFailed = failed;
            return published.size();
        }
    }

    /** Starts polling on the relay's own thread; a second call does nothing. */
    public void start() {
        synchronized (lifecycleLock) {
            if (executor != null) {
                return;
            }
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ventanilla-outbox-relay");
                t.setDaemon(true);
                return t;
            });
            executor.execute(this::tick);
        }
    }

    /** Polls now rather than at the next interval, for example right after a commit; no-op when stopped. */
    public void wakeUp() {
        synchronized (lifecycleLock) {
            if (executor != null) {
                try {
                    executor.execute(this::drain);
                } catch (RejectedExecutionException ignored) {
                    // Stopping.
                }
            }
        }
    }

    /** Stops polling and waits (up to 10 s) for a poll in progress to finish. */
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (lifecycleLock) {
            stopping = executor;
            executor = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdownNow();
        try {
            if (!stopping.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Outbox relay did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** One scheduled round: drain what is there, then come back after the poll interval (or the retry delay). */
    private void tick() {
        boolean ok = drain();
        long delay = (ok ? options.getPollInterval() : options.getRetryDelay()).toMillis();
        synchronized (lifecycleLock) {
            if (executor != null) {
                try {
                    executor.schedule(this::tick, delay, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException ignored) {
                    // Stopping.
                }
            }
        }
    }

    /** Polls while full batches come back; false when a poll failed. */
    private boolean drain() {
        try {
            int published;
            do {
                if (Thread.currentThread().isInterrupted()) {
                    return true;
                }
                published = runOnce();
                if (lastPollFailed) {
                    return false;
                }
            } while (published == options.getBatchSize());
            if (storeFailing) {
                storeFailing = false;
                LOG.info("Outbox relay reaches its store again");
            }
            return true;
        } catch (VentanillaException e) {
            // Said once per outage; the store's own message names the database and the reason.
            if (!storeFailing) {
                storeFailing = true;
                LOG.warn("Outbox relay could not poll the store ({}): {}; retrying every {} ms", e.code(), e.getMessage(),
                        options.getRetryDelay().toMillis());
            } else {
                LOG.debug("Outbox relay still cannot poll the store ({})", e.code());
            }
            return false;
        } catch (RuntimeException e) {
            // A bug, or the leader check failing: said once per streak too.
            if (!storeFailing) {
                storeFailing = true;
                LOG.error("Outbox relay failed unexpectedly; it tries again every {} ms", options.getRetryDelay().toMillis(), e);
            } else {
                LOG.debug("Outbox relay still failing", e);
            }
            return false;
        }
    }

    private void reportPublisherFailure(OutboxEvent event, RuntimeException e) {
        if (!failing) {
            failing = true;
            LOG.warn("Outbox publisher failed on event {} ({} of {}); it and the events after it are retried in {} ms",
                    event.sequence(), event.type(), event.aggregateType(), options.getRetryDelay().toMillis(), e);
        } else {
            LOG.debug("Outbox publisher still failing on event {} ({})", event.sequence(), event.type(), e);
        }
    }
}
