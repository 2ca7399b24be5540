package org.ventanilla.core.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.adapter.memory.MemoryLeases;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.Leases;
import org.ventanilla.core.testing.MutableClock;

/**
 * The keeper's own thread ticks in real time (every ttl/3); the leases and the keeper's idea of the ttl use a
 * test clock, so a lapse happens exactly when the test moves the clock.
 */
class LeaseKeeperTest {

    private static final Duration TTL = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MutableClock clock = MutableClock.at(Instant.parse("2025-03-24T13:00:00Z"));
    private final SwitchableLeases leases = new SwitchableLeases(MemoryLeases.create(clock));
    private LeaseKeeper first;
    private LeaseKeeper second;

    @AfterEach
    void stopKeepers() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    private LeaseKeeper keeper(String node, AtomicInteger acquired, AtomicInteger lost) {
        return LeaseKeeper.builder(leases, "outbox-relay", node)
                .ttl(TTL)
                .clock(clock)
                .onAcquired(acquired::incrementAndGet)
                .onLost(lost::incrementAndGet)
                .start();
    }

    @Test
    void theFirstKeeperLeadsAndTheSecondWaits() {
        AtomicInteger firstAcquired = new AtomicInteger();
        AtomicInteger secondAcquired = new AtomicInteger();
        first = keeper("nodo-bogota-1", firstAcquired, new AtomicInteger());
        await().atMost(WAIT).until(first::isLeader);

        second = keeper("nodo-medellin-2", secondAcquired, new AtomicInteger());

        await().during(TTL.multipliedBy(3)).atMost(WAIT).until(() -> first.isLeader() && !second.isLeader());
        assertThat(firstAcquired).hasValue(1);
        assertThat(secondAcquired).hasValue(0);
        assertThat(leases.holder("outbox-relay")).contains("nodo-bogota-1");
    }

    @Test
    void closingTheLeaderReleasesTheLeaseSoTheOtherTakesOverAtOnce() {
        AtomicInteger firstLost = new AtomicInteger();
        AtomicInteger secondAcquired = new AtomicInteger();
        first = keeper("nodo-bogota-1", new AtomicInteger(), firstLost);
        await().atMost(WAIT).until(first::isLeader);
        second = keeper("nodo-medellin-2", secondAcquired, new AtomicInteger());

        first.close();

        assertThat(first.isLeader()).isFalse();
        assertThat(firstLost).hasValue(1);
        // No clock movement: the lease was released, not left to lapse.
        await().atMost(WAIT).until(second::isLeader);
        assertThat(secondAcquired).hasValue(1);
    }

    @Test
    void aLeaderThatCannotReachTheStoreLeadsUntilItsTtlCouldHaveLapsedAndNoLonger() {
        AtomicInteger lost = new AtomicInteger();
        first = keeper("nodo-bogota-1", new AtomicInteger(), lost);
        await().atMost(WAIT).until(first::isLeader);

        leases.failing.set(true);
        int failuresBefore = leases.failures.get();
        await().atMost(WAIT).until(() -> leases.failures.get() >= failuresBefore + 2);
        clock.advance(TTL.dividedBy(2));
        await().atMost(WAIT).until(() -> leases.failures.get() >= failuresBefore + 4);
        assertThat(first.isLeader()).isTrue();
        assertThat(lost).hasValue(0);

        clock.advance(TTL.dividedBy(2));

        assertThat(first.isLeader()).isFalse();
        await().atMost(WAIT).untilAsserted(() -> assertThat(lost).hasValue(1));
    }

    @Test
    void aLeaderWhoseLeaseIsNowSomeoneElsesStopsAtOnce() {
        AtomicInteger lost = new AtomicInteger();
        first = keeper("nodo-bogota-1", new AtomicInteger(), lost);
        await().atMost(WAIT).until(first::isLeader);

        leases.release("outbox-relay", "nodo-bogota-1");
        leases.tryAcquire("outbox-relay", "nodo-cali-3", Duration.ofHours(1));

        await().atMost(WAIT).untilAsserted(() -> assertThat(lost).hasValue(1));
        assertThat(first.isLeader()).isFalse();
    }

    @Test
    void aStoreThatComesBackLetsTheKeeperLeadAgain() {
        leases.failing.set(true);
        first = keeper("nodo-bogota-1", new AtomicInteger(), new AtomicInteger());
        await().atMost(WAIT).until(() -> leases.failures.get() >= 2);
        assertThat(first.isLeader()).isFalse();

        leases.failing.set(false);

        await().atMost(WAIT).until(first::isLeader);
    }

    @Test
    void aFailingCallbackDoesNotStopTheKeeper() {
        AtomicInteger lost = new AtomicInteger();
        first = LeaseKeeper.builder(leases, "outbox-relay", "nodo-bogota-1")
                .ttl(TTL)
                .clock(clock)
                .onAcquired(() -> {
                    throw new IllegalStateException("duty failed to start");
                })
                .onLost(lost::incrementAndGet)
                .start();
        await().atMost(WAIT).until(first::isLeader);

        leases.release("outbox-relay", "nodo-bogota-1");
        leases.tryAcquire("outbox-relay", "nodo-cali-3", Duration.ofHours(1));

        // The keeper still runs after the failed callback: it notices the lease is no longer its own.
        await().atMost(WAIT).untilAsserted(() -> assertThat(lost).hasValue(1));
    }

    @Test
    void aTtlTooShortToRenewIsRejected() {
        assertThatThrownBy(() -> LeaseKeeper.builder(leases, "outbox-relay", "nodo-bogota-1").ttl(Duration.ofMillis(5)))
                .isInstanceOf(VentanillaException.class)
                .hasMessage("lease keeper ttl (PT0.005S) is below the allowed minimum (PT0.03S)")
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    /** Memory leases that can be made to fail as an unreachable Redis does. */
    private static final class SwitchableLeases implements Leases {
        private final Leases delegate;
        private final AtomicBoolean failing = new AtomicBoolean();
        private final AtomicInteger failures = new AtomicInteger();

        private SwitchableLeases(Leases delegate) {
            this.delegate = delegate;
        }

        private void failIfSwitched() {
            if (failing.get()) {
                failures.incrementAndGet();
                throw new VentanillaException(ErrorCode.UNAVAILABLE, "leases: Redis at 127.0.0.1:6379 is unreachable");
            }
        }

        @Override
        public boolean tryAcquire(String name, String holder, Duration ttl) {
            failIfSwitched();
            return delegate.tryAcquire(name, holder, ttl);
        }

        @Override
        public boolean renew(String name, String holder, Duration ttl) {
            failIfSwitched();
            return delegate.renew(name, holder, ttl);
        }

        @Override
        public void release(String name, String holder) {
            failIfSwitched();
            delegate.release(name, holder);
        }

        @Override
        public Optional<String> holder(String name) {
            return delegate.holder(name);
        }

        @Override
        public boolean isReachable() {
            return !failing.get();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
