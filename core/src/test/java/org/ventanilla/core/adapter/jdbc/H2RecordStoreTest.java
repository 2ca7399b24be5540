package org.ventanilla.core.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.port.RecordStoreContract;
import org.ventanilla.core.port.StoredRecord;

class H2RecordStoreTest implements RecordStoreContract {

    @TempDir
    Path dir;

    private int stores;

    @Override
    public RecordStore newStore(Clock clock) {
        // A test may open several stores; each gets its own database file.
        return JdbcRecordStore.create(JdbcSettings.h2File(dir.resolve("db" + stores++)), clock);
    }

    @Test
    void commitsAreWrittenWithoutDelay() throws Exception {
        try (JdbcRecordStore store = (JdbcRecordStore) newStore(CLOCK);
                Connection c = DriverManager.getConnection(store.settings().url(), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("0");
        }
    }

    @Test
    void storeSetsWriteDelayZeroEvenWhenTheUrlDoesNot() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("plain").resolve("ventanilla").toAbsolutePath();
        JdbcSettings plain = new JdbcSettings(url, "sa", "", 2, JdbcSettings.DEFAULT_CONNECTION_TIMEOUT);
        try (JdbcRecordStore store = JdbcRecordStore.create(plain)) {
            store.inTransaction(tx -> tx.insert("case", "k-1", "{}"));
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("0");
        }
    }

    @Test
    void recordsSurviveClosingAndReopeningTheFile() {
        Path file = dir.resolve("reopen");
        try (JdbcRecordStore store = JdbcRecordStore.create(JdbcSettings.h2File(file), CLOCK)) {
            store.inTransaction(tx -> tx.insert("citizen", "c-1", CITIZEN_JSON));
            store.nextInSequence("radicado-2026");
        }
        try (JdbcRecordStore store = JdbcRecordStore.create(JdbcSettings.h2File(file), CLOCK)) {
            Optional<StoredRecord> read = store.inTransaction(tx -> tx.get("citizen", "c-1"));
            assertThat(read).map(StoredRecord::json).contains(CITIZEN_JSON);
            assertThat(store.nextInSequence("radicado-2026")).isGreaterThan(1);
        }
    }

    @Test
    void callsFromAVertxEventLoopAreRefused() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (RecordStore store = newStore(CLOCK)) {
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            vertx.runOnContext(ignored -> {
                try {
                    store.inTransaction(tx -> tx.get("case", "k-1"));
                    failure.complete(null);
                } catch (RuntimeException e) {
                    failure.complete(e);
                }
            });

            Throwable thrown = failure.get(10, TimeUnit.SECONDS);
            assertThat(thrown).isInstanceOf(VentanillaException.class).hasMessageContaining("event loop");
            assertThat(((VentanillaException) thrown).code()).isEqualTo(ErrorCode.INTERNAL);
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void closedStoreRefusesWorkAsUnavailable() {
        RecordStore store = newStore(CLOCK);
        store.close();

        assertThatThrownBy(() -> store.inTransaction(tx -> tx.get("case", "k-1")))
                .isInstanceOf(VentanillaException.class)
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    @Test
    void sequenceIdentifiersAreSafeSqlAndDistinct() {
        String a = JdbcRecordStore.sequenceIdentifier("radicado:BOG/2026");
        String b = JdbcRecordStore.sequenceIdentifier("radicado:BOG:2026");

        assertThat(a).matches("seq_[a-z0-9_]+_[0-9a-f]{10}").isNotEqualTo(b);
        assertThat(JdbcRecordStore.sequenceIdentifier("x".repeat(100))).hasSizeLessThan(63);
    }

    @Test
    void likePrefixEscapesWildcards() {
        assertThat(JdbcTransaction.likePrefix("team:100%_a!b")).isEqualTo("team:100!%!_a!!b%");
    }
}
