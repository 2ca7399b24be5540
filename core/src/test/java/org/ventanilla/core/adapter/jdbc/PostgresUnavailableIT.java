package org.ventanilla.core.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.outbox.OutboxRelay;
import org.ventanilla.core.outbox.RelayOptions;
import org.ventanilla.core.port.OutboxEvent;
import org.ventanilla.core.port.StoredRecord;
import org.ventanilla.core.testing.TestServices;

/**
 * PostgreSQL down at start, lost while running, and back: the store reports UNAVAILABLE with a clear message,
 * never crashes, and recovers by itself. The database is reached through a TCP proxy the test cuts and restores.
 */
class PostgresUnavailableIT {

    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @Test
    void storeStartsWithoutItsDatabaseReportsItUnreachableAndRecoversTwice() throws Exception {
        URI real = URI.create(TestServices.postgresUrlWithFreshSchema().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(TcpProxy.freePort(), real.getHost(), real.getPort())) {
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + real.getPath() + "?" + real.getQuery();
            JdbcSettings settings = new JdbcSettings(url, TestServices.postgresUser(), "", 4, Duration.ofSeconds(1));

            // Down at start: the store is created all the same.
            try (JdbcRecordStore store = JdbcRecordStore.create(settings)) {
                assertThat(store.isReachable()).isFalse();
                assertUnavailable(() -> store.inTransaction(tx -> tx.get("case", "k-1")), proxy.port());
                assertUnavailable(() -> store.nextInSequence("radicado-2026"), proxy.port());
                assertUnavailable(() -> store.unpublishedEvents(10), proxy.port());

                List<String> published = new CopyOnWriteArrayList<>();
                OutboxRelay relay = OutboxRelay.create(store, e -> published.add(e.aggregateId()),
                        new RelayOptions().setPollInterval(Duration.ofMillis(20)).setRetryDelay(Duration.ofMillis(100)));
                relay.start();
                try {
                    // The database comes up: the schema is created on the first call that reaches it.
                    proxy.start();
                    await().atMost(RECOVERY).until(store::isReachable);
                    store.inTransaction(tx -> {
                        tx.insert("case", "k-1", "{\"estado\":\"radicado\"}");
                        tx.appendEvent(new OutboxEvent.Draft("case", "k-1", "case.opened", "{}"));
                        return null;
                    });
                    await().atMost(RECOVERY).until(() -> published.contains("k-1"));
                    // Wait until the relay has also marked it published: cut earlier, it would (rightly) publish it again.
                    await().atMost(RECOVERY).until(() -> store.unpublishedEvents(10).isEmpty());

                    // Lost while running.
                    proxy.stop();
                    assertUnavailable(() -> store.inTransaction(tx -> tx.get("case", "k-1")), proxy.port());
                    assertThat(store.isReachable()).isFalse();

                    // Back again: the same store carries on, the relay too.
                    proxy.start();
                    await().atMost(RECOVERY).until(store::isReachable);
                    Optional<StoredRecord> kept = store.inTransaction(tx -> tx.get("case", "k-1"));
                    assertThat(kept).map(StoredRecord::version).contains(1L);
                    store.inTransaction(tx -> {
                        tx.insert("case", "k-2", "{}");
                        tx.appendEvent(new OutboxEvent.Draft("case", "k-2", "case.opened", "{}"));
                        return null;
                    });
                    await().atMost(RECOVERY).until(() -> published.contains("k-2"));
                } finally {
                    relay.stop();
                }
                assertThat(published).containsExactly("k-1", "k-2");
            }
        }
    }

    private static void assertUnavailable(ThrowingCallable call, int port) {
        assertThatThrownBy(call)
                .isInstanceOf(VentanillaException.class)
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE))
                .hasMessageContaining("database jdbc:postgresql://127.0.0.1:" + port + "/test")
                .hasMessageContaining("unreachable")
                .hasMessageNotContaining("currentSchema");
    }
}
