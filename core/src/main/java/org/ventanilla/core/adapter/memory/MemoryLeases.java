package org.ventanilla.core.adapter.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.Leases;

/** Leases of a single node, timed by the injected clock. */
public final class MemoryLeases implements Leases {

    private final Clock clock;
    private final Map<String, Held> leases = new HashMap<>();
    private boolean closed;

    private MemoryLeases(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static MemoryLeases create(Clock clock) {
        return new MemoryLeases(clock);
    }

    @Override
    public synchronized boolean tryAcquire(String name, String holder, Duration ttl) {
        check(name, holder, ttl);
        Instant now = clock.instant();
        Held held = current(name, now);
        if (held != null && !held.holder.equals(holder)) {
            return false;
        }
        leases.put(name, new Held(holder, now.plusMillis(ttl.toMillis())));
        return true;
    }

    @Override
    public synchronized boolean renew(String name, String holder, Duration ttl) {
        check(name, holder, ttl);
        Instant now = clock.instant();
        Held held = current(name, now);
        if (held == null || !held.holder.equals(holder)) {
            return false;
        }
        leases.put(name, new Held(holder, now.plusMillis(ttl.toMillis())));
        return true;
    }

    @Override
    public synchronized void release(String name, String holder) {
        requireOpen();
        Leases.checkName("name", name);
        Leases.checkName("holder", holder);
        Held held = current(name, clock.instant());
        if (held != null && held.holder.equals(holder)) {
            leases.remove(name);
        }
    }

    @Override
    public synchronized Optional<String> holder(String name) {
        requireOpen();
        Leases.checkName("name", name);
        Held held = current(name, clock.instant());
        return held == null ? Optional.empty() : Optional.of(held.holder);
    }

    @Override
    public synchronized boolean isReachable() {
        return !closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        leases.clear();
    }

    private void check(String name, String holder, Duration ttl) {
        requireOpen();
        Leases.checkName("name", name);
        Leases.checkName("holder", holder);
        Leases.checkTtl(ttl);
    }

    /** The live lease of that name, forgetting it once lapsed (a lease lapses when its expiry is reached). */
    private Held current(String name, Instant now) {
        Held held = leases.get(name);
        if (held != null && !now.isBefore(held.expiresAt)) {
            leases.remove(name);
            return null;
        }
        return held;
    }

    private void requireOpen() {
        if (closed) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE, "leases are closed");
        }
    }

    private record Held(String holder, Instant expiresAt) {
    }
}
