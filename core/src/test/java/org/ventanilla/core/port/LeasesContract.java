package org.ventanilla.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * What every {@link Leases} adapter does. Time is moved by {@link #passTime(Duration)}: a test clock for the
 * memory adapter, real time (waited with Awaitility) with a short {@link #ttl()} for Redis.
 */
public interface LeasesContract {

    Leases leases();

    /** The ttl the tests use: long for a test clock, short (about a second) for real time. */
    Duration ttl();

    /** Lets at least {@code duration} pass for the leases under test. */
    void passTime(Duration duration);

    private Duration fraction(double share) {
        return Duration.ofMillis(Math.round(ttl().toMillis() * share));
    }

    @Test
    default void aFreeLeaseIsTakenByTheFirstHolder() {
        assertThat(leases().holder("outbox-relay")).isEmpty();

        assertThat(leases().tryAcquire("outbox-relay", "nodo-bogota-1", ttl())).isTrue();

        assertThat(leases().holder("outbox-relay")).contains("nodo-bogota-1");
    }

    @Test
    default void aHeldLeaseCannotBeTakenByAnotherHolderBeforeItsTtl() {
        leases().tryAcquire("mailbox-reader", "nodo-bogota-1", ttl());
        passTime(fraction(0.5));

        assertThat(leases().tryAcquire("mailbox-reader", "nodo-medellin-2", ttl())).isFalse();
        assertThat(leases().holder("mailbox-reader")).contains("nodo-bogota-1");
    }

    @Test
    default void theHolderAcquiringAgainKeepsItsLease() {
        assertThat(leases().tryAcquire("deadline-scan", "nodo-bogota-1", ttl())).isTrue();

        assertThat(leases().tryAcquire("deadline-scan", "nodo-bogota-1", ttl())).isTrue();
        assertThat(leases().holder("deadline-scan")).contains("nodo-bogota-1");
    }

    @Test
    default void anotherHolderTakesTheLeaseOnceItsTtlLapsed() {
        leases().tryAcquire("outbox-relay", "nodo-bogota-1", ttl());

        passTime(fraction(1.3));

        assertThat(leases().holder("outbox-relay")).isEmpty();
        assertThat(leases().tryAcquire("outbox-relay", "nodo-medellin-2", ttl())).isTrue();
        assertThat(leases().holder("outbox-relay")).contains("nodo-medellin-2");
        assertThat(leases().renew("outbox-relay", "nodo-bogota-1", ttl())).isFalse();
    }

    @Test
    default void aRenewalByTheHolderExtendsTheLeaseBeyondItsFirstTtl() {
        leases().tryAcquire("outbox-relay", "nodo-bogota-1", ttl());
        passTime(fraction(0.6));

        assertThat(leases().renew("outbox-relay", "nodo-bogota-1", ttl())).isTrue();
        passTime(fraction(0.6));

        assertThat(leases().tryAcquire("outbox-relay", "nodo-medellin-2", ttl())).isFalse();
        assertThat(leases().holder("outbox-relay")).contains("nodo-bogota-1");
    }

    @Test
    default void onlyTheHolderRenews() {
        leases().tryAcquire("mailbox-reader", "nodo-bogota-1", ttl());

        assertThat(leases().renew("mailbox-reader", "nodo-medellin-2", ttl())).isFalse();
        assertThat(leases().renew("mailbox-reader", "nodo-bogota-1", ttl())).isTrue();
        assertThat(leases().holder("mailbox-reader")).contains("nodo-bogota-1");
    }

    @Test
    default void aLeaseNobodyHoldsCannotBeRenewed() {
        assertThat(leases().renew("deadline-scan", "nodo-bogota-1", ttl())).isFalse();

        assertThat(leases().holder("deadline-scan")).isEmpty();
    }

    @Test
    default void onlyTheHolderReleases() {
        leases().tryAcquire("outbox-relay", "nodo-bogota-1", ttl());

        leases().release("outbox-relay", "nodo-medellin-2");
        assertThat(leases().holder("outbox-relay")).contains("nodo-bogota-1");

        leases().release("outbox-relay", "nodo-bogota-1");
        assertThat(leases().holder("outbox-relay")).isEmpty();
        assertThat(leases().tryAcquire("outbox-relay", "nodo-medellin-2", ttl())).isTrue();
    }

    @Test
    default void leasesOfDifferentNamesAreIndependent() {
        assertThat(leases().tryAcquire("outbox-relay", "nodo-bogota-1", ttl())).isTrue();
        assertThat(leases().tryAcquire("mailbox-reader", "nodo-medellin-2", ttl())).isTrue();

        assertThat(leases().holder("outbox-relay")).contains("nodo-bogota-1");
        assertThat(leases().holder("mailbox-reader")).contains("nodo-medellin-2");
    }

    @Test
    default void badNamesAndTtlsAreRejected() {
        assertThatThrownBy(() -> leases().tryAcquire("outbox relay", "nodo-bogota-1", ttl()))
                .isInstanceOf(VentanillaException.class)
                .hasMessage("lease name contains a space or control character")
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> leases().tryAcquire("outbox-relay", "", ttl()))
                .hasMessage("lease holder is missing");
        assertThatThrownBy(() -> leases().tryAcquire("outbox-relay", "nodo-bogota-1", Duration.ZERO))
                .hasMessage("lease ttl (PT0S) is below the allowed minimum (PT0.001S)");
    }

    @Test
    default void leasesAreReachableWhileOpen() {
        assertThat(leases().isReachable()).isTrue();
    }
}
