package org.ventanilla.core.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.lease.LeaseKeeper;
import org.ventanilla.core.port.Leases;
import org.ventanilla.core.port.LeasesContract;
import org.ventanilla.core.testing.TestServices;

/** Real Redis, real time: the ttl is short and time passes by waiting with Awaitility. */
class RedisLeasesIT implements LeasesContract {

    private RedisLeases leases;
    private String prefix;

    @BeforeAll
    static void redisIsRunning() {
        TestServices.requireRedis();
    }

    @BeforeEach
    void connect() {
        prefix = TestServices.uniquePrefix();
        leases = RedisLeases.create(TestServices.redisUri(), prefix);
    }

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
        return Duration.ofMillis(1000);
    }

    @Override
    public void passTime(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).atMost(duration.plusSeconds(5))
                .until(() -> System.nanoTime() - until >= 0);
    }

    @Test
    void anotherNodeTakesTheLeaseNoSoonerThanItsTtlAfterTheLastRenewal() {
        try (RedisLeases otherNode = RedisLeases.create(TestServices.redisUri(), prefix)) {
            Duration ttl = Duration.ofMillis(700);
            long acquiredAt = System.nanoTime();
            assertThat(leases.tryAcquire("outbox-relay", "nodo-bogota-1", ttl)).isTrue();

            await().atMost(ttl.plusSeconds(3)).pollInterval(Duration.ofMillis(10))
                    .until(() -> otherNode.tryAcquire("outbox-relay", "nodo-medellin-2", ttl));
            long elapsedMillis = (System.nanoTime() - acquiredAt) / 1_000_000;

            // Redis stamps the expiry in whole milliseconds after our clock started: allow that rounding.
            assertThat(elapsedMillis).isGreaterThanOrEqualTo(ttl.toMillis() - 2);
            assertThat(leases.holder("outbox-relay")).contains("nodo-medellin-2");
        }
    }

    @Test
    void leasesOfTwoNodesShareOneKeyInRedis() {
        try (RedisLeases otherNode = RedisLeases.create(TestServices.redisUri(), prefix)) {
            assertThat(leases.tryAcquire("mailbox-reader", "nodo-bogota-1", Duration.ofSeconds(10))).isTrue();

            assertThat(otherNode.holder("mailbox-reader")).contains("nodo-bogota-1");
            assertThat(otherNode.tryAcquire("mailbox-reader", "nodo-medellin-2", Duration.ofSeconds(10))).isFalse();
            assertThat(otherNode.renew("mailbox-reader", "nodo-medellin-2", Duration.ofSeconds(10))).isFalse();
            otherNode.release("mailbox-reader", "nodo-medellin-2");
            assertThat(leases.holder("mailbox-reader")).contains("nodo-bogota-1");
            leases.release("mailbox-reader", "nodo-bogota-1");
        }
    }

    @Test
    void whileRedisIsDownLeaseCallsFailAndTheLeaderStopsLeadingOnceItsTtlCouldHaveLapsed() throws Exception {
        Duration ttl = Duration.ofMillis(1200);
        AtomicInteger lost = new AtomicInteger();
        try (RedisProxy redis = RedisProxy.start(); RedisLeases behindProxy = RedisLeases.create(redis.uri(), prefix)) {
            LeaseKeeper keeper = LeaseKeeper.builder(behindProxy, "outbox-relay", "nodo-bogota-1")
                    .ttl(ttl).onLost(lost::incrementAndGet).start();
            try {
                await().atMost(Duration.ofSeconds(5)).until(keeper::isLeader);

                redis.cut();

                await().atMost(Duration.ofSeconds(5)).until(() -> !behindProxy.isReachable());
                assertThatThrownBy(() -> behindProxy.holder("outbox-relay"))
                        .hasMessageStartingWith("lease 'outbox-relay': Redis at 127.0.0.1:")
                        .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE));
                await().atMost(ttl.plusSeconds(3)).until(() -> !keeper.isLeader() && lost.get() == 1);
                // Redis let the unrenewed lease lapse too: a node that still reaches Redis takes it.
                await().atMost(ttl.plusSeconds(3)).until(() -> leases.tryAcquire("outbox-relay", "nodo-medellin-2", ttl));

                redis.restore();

                await().atMost(Duration.ofSeconds(30)).until(behindProxy::isReachable);
                assertThat(behindProxy.holder("outbox-relay")).contains("nodo-medellin-2");
            } finally {
                keeper.close();
            }
        }
    }

    @Test
    void anUnreachableRedisIsReportedAsUnavailable() {
        assertThatThrownBy(() -> RedisLeases.create("redis://127.0.0.1:1", prefix))
                .isInstanceOf(VentanillaException.class)
                .hasMessageContaining("Redis at 127.0.0.1:1 is unreachable")
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    @Test
    void aClosedLeasesAdapterIsUnreachable() {
        RedisLeases closed = RedisLeases.create(TestServices.redisUri(), prefix);

        closed.close();

        assertThat(closed.isReachable()).isFalse();
        assertThatThrownBy(() -> closed.holder("outbox-relay")).isInstanceOf(VentanillaException.class);
    }
}
