package org.ventanilla.core.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.Leases;
import org.ventanilla.core.port.LeasesContract;
import org.ventanilla.core.testing.MutableClock;

class MemoryLeasesTest implements LeasesContract {

    private final MutableClock clock = MutableClock.at(Instant.parse("2025-03-24T13:00:00Z"));
    private final MemoryLeases leases = MemoryLeases.create(clock);

    @AfterEach
    void close() {
        leases.close();
    }

    @Override
    public Leases leases() {
        return leases;
    }

    @Override
    public Duration ttl() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void passTime(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void aLeaseLapsesExactlyAtItsTtlAndNotAMillisecondBefore() {
        leases.tryAcquire("outbox-relay", "nodo-bogota-1", Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(30).minusMillis(1));
        assertThat(leases.tryAcquire("outbox-relay", "nodo-medellin-2", Duration.ofSeconds(30))).isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(leases.tryAcquire("outbox-relay", "nodo-medellin-2", Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void closedLeasesAreUnreachableAndRefuseWork() {
        leases.close();

        assertThat(leases.isReachable()).isFalse();
        assertThatThrownBy(() -> leases.holder("outbox-relay"))
                .isInstanceOf(VentanillaException.class)
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }
}
