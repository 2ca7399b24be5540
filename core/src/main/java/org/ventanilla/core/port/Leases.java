package org.ventanilla.core.port;

import java.time.Duration;
import java.util.Optional;

/**
 * Leases: a named singleton duty (reading a mailbox, the outbox relay, deadline scans) held by one node
 * at a time for a time-to-live, renewed while the node lives, taken over by another node once it lapses.
 */
public interface Leases extends AutoCloseable {

    /** Takes the lease if it is free or already ours; true when {@code holder} holds it afterwards. */
    boolean tryAcquire(String name, String holder, Duration ttl);

    /** Extends our lease; false when it is not (or no longer) held by {@code holder}. */
    boolean renew(String name, String holder, Duration ttl);

    /** Gives the lease up if {@code holder} holds it. */
    void release(String name, String holder);

    /** Who holds the lease now, if anyone. */
    Optional<String> holder(String name);

    /** False while the backing server cannot be reached. */
    boolean isReachable();

    @Override
    void close();
}
