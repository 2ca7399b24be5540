package org.ventanilla.core.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.Leases;

/**
 * Keeps one named lease for one node: tries to take it, and renews it while held, every ttl/3 on its own
 * scheduler thread. {@link #isLeader()} tells whether this node may do the duty now; {@code onAcquired} and
 * {@code onLost} run on the keeper's thread when that changes.
 *
 * <p>Safety first: the lease counts as held only until {@code ttl} after the start of the last successful
 * acquire or renewal (measured with the injected clock). When renewal fails because the lease store is
 * unreachable, this node stays leader until then and no longer; another node can take the lease only after
 * the store let it lapse, which is later. When the store answers that the lease is someone else's, the
 * node stops leading at once.
 *
 * <pre>{@code
 * LeaseKeeper relay = LeaseKeeper.builder(leases, "outbox-relay", nodeId)
 *         .ttl(Duration.ofSeconds(15))
 *         .onAcquired(outbox::startRelay)
 *         .onLost(outbox::stopRelay)
 *         .start();
 * }</pre>
 */
public final class LeaseKeeper implements AutoCloseable {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(15);

    /** Below this a lease would be renewed so often that it only measures scheduling noise. */
    public static final Duration MIN_TTL = Duration.ofMillis(30);

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Leases leases;
    private final String name;
    private final String holder;
    private final Duration ttl;
    private final Clock clock;
    private final Runnable onAcquired;
    private final Runnable onLost;
    private final ScheduledExecutorService scheduler;

    // Written by the keeper thread only; read by any thread through isLeader().
    private volatile boolean leader;
    private volatile Instant validUntil = Instant.MIN;
    private boolean storeFailing;
    private volatile boolean closed;

    private LeaseKeeper(Builder builder) {
        this.leases = builder.leases;
        this.name = builder.name;
        this.holder = builder.holder;
        this.ttl = builder.ttl;
        this.clock = builder.clock;
        this.onAcquired = builder.onAcquired;
        this.onLost = builder.onLost;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ventanilla-lease-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A keeper of lease {@code name} for the node called {@code holder} (a node id, never personal data). */
    public static Builder builder(Leases leases, String name, String holder) {
        return new Builder(leases, name, holder);
    }

    /** True while this node holds the lease and its ttl cannot have lapsed. */
    public boolean isLeader() {
        return leader && !closed && clock.instant().isBefore(validUntil);
    }

    public String name() {
        return name;
    }

    public String holder() {
        return holder;
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * Stops keeping the lease; releases it when held (so another node takes over at once) and runs onLost.
     * Waits for a running attempt to finish; do not call it from onAcquired or onLost.
     */
    @Override
    public synchronized void close() {
        if (scheduler.isShutdown()) {
            return;
        }
        scheduler.execute(() -> {
            closed = true;
            if (leader) {
                try {
                    leases.release(name, holder);
                } catch (RuntimeException e) {
                    LOG.warn("lease '{}' could not be released on close ({}); it lapses within {}", name, e.getMessage(), ttl);
                }
                lose();
            }
        });
        scheduler.shutdown();
        long waitMillis = ttl.toMillis() + 5_000;
        try {
            if (!scheduler.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("lease keeper '{}' did not stop within {} ms", name, waitMillis);
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.shutdownNow();
        }
        closed = true;
    }

    private LeaseKeeper begin() {
        long period = Math.max(1, ttl.toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One attempt: renew when leading, acquire otherwise. Never throws (that would stop the schedule). */
    void tick() {
        if (closed) {
            return;
        }
        Instant attemptStarted = clock.instant();
        try {
            boolean held = leader ? leases.renew(name, holder, ttl) : leases.tryAcquire(name, holder, ttl);
            if (storeFailing) {
                storeFailing = false;
                LOG.info("lease '{}' store reachable again", name);
            }
            if (held) {
                validUntil = attemptStarted.plus(ttl);
                if (!leader) {
                    leader = true;
                    LOG.info("lease '{}' acquired by {}", name, holder);
                    run(onAcquired, "onAcquired");
                }
            } else if (leader) {
                LOG.warn("lease '{}' is no longer held by {}", name, holder);
                lose();
            }
        } catch (RuntimeException e) {
            if (!storeFailing) {
                storeFailing = true;
                if (leader) {
                    LOG.warn("lease '{}' cannot be renewed ({}); {} leads at most until {}", name, describe(e), holder, validUntil);
                } else {
                    LOG.warn("lease '{}' cannot be acquired ({}); {} keeps trying", name, describe(e), holder);
                }
            }
            if (leader && !clock.instant().isBefore(validUntil)) {
                LOG.warn("lease '{}' could not be renewed before its ttl lapsed; {} stops leading", name, holder);
                lose();
            }
        }
    }

    private static String describe(RuntimeException e) {
        return e instanceof VentanillaException ? e.getMessage() : e.toString();
    }

    private void lose() {
        leader = false;
        validUntil = Instant.MIN;
        run(onLost, "onLost");
    }

    private void run(Runnable callback, String which) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.error("lease '{}' {} callback failed", name, which, e);
        }
    }

    /** Options of a {@link LeaseKeeper}; {@link #start()} begins keeping the lease. */
    public static final class Builder {
        private final Leases leases;
        private final String name;
        private final String holder;
        private Duration ttl = DEFAULT_TTL;
        private Clock clock = Clock.systemUTC();
        private Runnable onAcquired = () -> { };
        private Runnable onLost = () -> { };

        private Builder(Leases leases, String name, String holder) {
            this.leases = Objects.requireNonNull(leases, "leases");
            this.name = Leases.checkName("name", name);
            this.holder = Leases.checkName("holder", holder);
        }

        /** How long the lease outlives its last renewal; renewed every ttl/3. Default {@link #DEFAULT_TTL}. */
        public Builder ttl(Duration ttl) {
            Leases.checkTtl(ttl);
            if (ttl.compareTo(MIN_TTL) < 0) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT,
                        "lease keeper ttl (" + ttl + ") is below the allowed minimum (" + MIN_TTL + ")");
            }
            this.ttl = ttl;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Runs on the keeper's thread when this node takes the lease. */
        public Builder onAcquired(Runnable onAcquired) {
            this.onAcquired = Objects.requireNonNull(onAcquired, "onAcquired");
            return this;
        }

        /** Runs on the keeper's thread when this node stops leading (lost, lapsed or closed). */
        public Builder onLost(Runnable onLost) {
            this.onLost = Objects.requireNonNull(onLost, "onLost");
            return this;
        }

        /** Starts keeping the lease: the first attempt runs at once on the keeper's thread. */
        public LeaseKeeper start() {
            return new LeaseKeeper(this).begin();
        }
    }
}
