package org.ventanilla.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.RecordTransaction.KeyEntry;

/**
 * The behaviour every adapter of {@link RecordStore} must show: memory, H2 and PostgreSQL run these same tests.
 * An implementation supplies a new empty store per test; the test closes it.
 */
public interface RecordStoreContract {

    Instant NOW = Instant.parse("2026-03-02T14:30:15.123456Z");
    Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    String CITIZEN_JSON = "{\"nombre\":\"José Ñáñez Peña\",\"ciudad\":\"Bogotá\",\"telefono\":\"+57 301 555 0101\"}";
    Duration LONG_WAIT = Duration.ofSeconds(30);

    /** A new, empty store whose record and event times come from {@code clock}. */
    RecordStore newStore(Clock clock);

    private RecordStore newStore() {
        return newStore(CLOCK);
    }

    // ----- records -----

    @Test
    default void insertedRecordIsReadBackAtVersionOneWithItsTime() {
        try (RecordStore store = newStore()) {
            StoredRecord inserted = store.inTransaction(tx -> tx.insert("citizen", "c-1", CITIZEN_JSON));

            assertThat(inserted).isEqualTo(new StoredRecord("citizen", "c-1", 1, CITIZEN_JSON, NOW));
            assertThat(read(store, "citizen", "c-1")).contains(inserted);
        }
    }

    @Test
    default void missingRecordIsEmpty() {
        try (RecordStore store = newStore()) {
            assertThat(read(store, "citizen", "nobody")).isEmpty();
        }
    }

    @Test
    default void sameIdInAnotherKindIsAnotherRecord() {
        try (RecordStore store = newStore()) {
            store.inTransaction(tx -> {
                tx.insert("citizen", "x-1", "{\"a\":1}");
                return tx.insert("case", "x-1", "{\"b\":2}");
            });

            assertThat(store.inTransaction(tx -> tx.get("citizen", "x-1")).orElseThrow().json()).isEqualTo("{\"a\":1}");
            assertThat(store.inTransaction(tx -> tx.get("case", "x-1")).orElseThrow().json()).isEqualTo("{\"b\":2}");
        }
    }

    @Test
    default void insertingAnExistingRecordFailsWithConflict() {
        try (RecordStore store = newStore()) {
            store.inTransaction(tx -> tx.insert("citizen", "c-1", CITIZEN_JSON));

            assertThatThrownBy(() -> store.inTransaction(tx -> tx.insert("citizen", "c-1", "{}")))
                    .isInstanceOf(VentanillaException.class)
                    .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.CONFLICT))
                    .hasMessageContaining("c-1");
            assertThat(store.inTransaction(tx -> tx.get("citizen", "c-1")).orElseThrow().json()).isEqualTo(CITIZEN_JSON);
        }
    }

    @Test
    default void conflictCaughtInsideATransactionLetsTheRestCommit() {
        try (RecordStore store = newStore()) {
            store.inTransaction(tx -> tx.insert("citizen", "c-1", CITIZEN_JSON));

            store.inTransaction(tx -> {
                try {
                    tx.insert("citizen", "c-1", "{}");
                } catch (VentanillaException expected) {
                    assertThat(expected.code()).isEqualTo(ErrorCode.CONFLICT);
                }
                assertThat(tx.claimKey("phone", "+573015550101", "c-1")).isTrue();
                return tx.insert("citizen", "c-2", "{\"nombre\":\"María Ortiz\"}");
            });

            assertThat(read(store, "citizen", "c-2")).isPresent();
            assertThat(find(store, "phone", "+573015550101")).contains("c-1");
        }
    }

    @Test
    default void updateRaisesTheVersionByOne() {
        try (RecordStore store = newStore()) {
            store.inTransaction(tx -> tx.insert("case", "k-1", "{\"estado\":\"radicado\"}"));

            StoredRecord second = store.inTransaction(tx -> tx.update("case", "k-1", 1, "{\"estado\":\"en trámite\"}"));
            StoredRecord third = store.inTransaction(tx -> tx.update("case", "k-1", 2, "{\"estado\":\"cerrado\"}"));

            assertThat(second.version()).isEqualTo(2);
            assertThat(third).isEqualTo(new StoredRecord("case", "k-1", 3, "{\"estado\":\"cerrado\"}", NOW));
            assertThat(read(store, "case", "k-1")).contains(third);
        }
    }

    @Test
    default void updateWithAStaleVersionFailsWithConflict() {
        try (RecordStore store = newStore()) {
            store.inTransaction(tx -> tx.insert("case", "k-1", "{}"));
            store.inTransaction(tx -> tx.update("case", "k-1", 1, "{\"v\":2}"));

            assertThatThrownBy(() -> store.inTransaction(tx -> tx.update("case", "k-1", 1, "{\"v\":\"stale\"}")))
                    .isInstanceOf(VentanillaException.class)
                    .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.CONFLICT))
                    .hasMessageContaining("version 2");
            assertThat(store.inTransaction(tx -> tx.get("case", "k-1")).orElseThrow().json()).isEqualTo("{\"v\":2}");
        }
    }

    @Test
    default void updateOfAMissingRecordFailsWithNotFound() {
        try (RecordStore store = newStore()) {
            assertThatThrownBy(() -> store.inTransaction(tx -> tx.update("case", "ghost", 1, "{}")))
                    .isInstanceOf(VentanillaException.class)
                    .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
    }

    @Test
    default void concurrentUpdatesFromOneVersionLetExactlyOneWin() throws Exception {
        try (RecordStore store = newStore()) {
            store.inTransaction(tx -> tx.insert("case", "k-1", "{}"));
            CountDownLatch updated = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<StoredRecord> first = pool.submit(() -> store.inTransaction(tx -> {
                    StoredRecord r = tx.update("case", "k-1", 1, "{\"by\":\"primera\"}");
                    updated.countDown();
                    awaitLatch(release);
                    return r;
                }));
                assertThat(updated.await(LONG_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                Future<StoredRecord> second = pool.submit(() ->
                        store.inTransaction(tx -> tx.update("case", "k-1", 1, "{\"by\":\"segunda\"}")));

                // The second must wait for the first (a row lock, or the store lock) rather than slip past it.
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
                release.countDown();

                assertThat(first.get(LONG_WAIT.toSeconds(), TimeUnit.SECONDS).version()).isEqualTo(2);
                assertThatThrownBy(() -> second.get(LONG_WAIT.toSeconds(), TimeUnit.SECONDS))
                        .hasCauseInstanceOf(VentanillaException.class)
                        .satisfies(e -> assertThat(((VentanillaException) e.getCause()).code()).isEqualTo(ErrorCode.CONFLICT));
                assertThat(store.inTransaction(tx -> tx.get("case", "k-1")).orElseThrow().json()).isEqualTo("{\"by\":\"primera\"}");
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    // ----- transactions -----

    @Test
    default void failureInTheWorkRollsBackRecordsKeysAndEventsAndIsRethrown() {
        try (RecordStore store = newStore()) {
            store.inTransaction(tx -> tx.insert("case", "k-1", "{\"v\":1}"));
            IllegalStateException boom = new IllegalStateException("clasificador caído");

            assertThatThrownBy(() -> store.inTransaction(tx -> {
                tx.insert("citizen", "c-9", CITIZEN_JSON);
                tx.update("case", "k-1", 1, "{\"v\":2}");
                tx.claimKey("radicado", "2026-0000001", "k-1");
                tx.appendEvent(new OutboxEvent.Draft("case", "k-1", "case.updated", "{}"));
                throw boom;
            })).isSameAs(boom);

            store.inTransaction(tx -> {
                assertThat(tx.get("citizen", "c-9")).isEmpty();
                assertThat(tx.get("case", "k-1").orElseThrow().version()).isEqualTo(1);
                assertThat(tx.findByKey("radicado", "2026-0000001")).isEmpty();
                return null;
            });
            assertThat(store.unpublishedEvents(10)).isEmpty();
        }
    }

    @Test
    default void releaseOfAKeyIsUndoneWithItsTransaction() {
        try (RecordStore store = newStore()) {
            store.inTransaction(tx -> tx.claimKey("phone", "+573001112233", "c-1"));

            assertThatThrownBy(() -> store.inTransaction(tx -> {
                tx.releaseKey("phone", "+573001112233");
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "abandoned");
            })).isInstanceOf(VentanillaException.class);

            assertThat(find(store, "phone", "+573001112233")).contains("c-1");
        }
    }

    @Test
    default void nestedTransactionIsRefused() {
        try (RecordStore store = newStore()) {
            assertThatThrownBy(() -> store.inTransaction(tx -> store.inTransaction(inner -> inner.get("case", "k-1"))))
                    .isInstanceOf(VentanillaException.class)
                    .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.INTERNAL));
        }
    }

    @Test
    default void transactionUsedAfterItsCallIsRefused() {
        try (RecordStore store = newStore()) {
            RecordTransaction escaped = store.inTransaction(tx -> tx);

            assertThatThrownBy(() -> escaped.insert("case", "k-1", "{}"))
                    .isInstanceOf(VentanillaException.class)
                    .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.INTERNAL));
            assertThat(read(store, "case", "k-1")).isEmpty();
        }
    }

    @Test
    default void textWithAccentsAndEmojiRoundTrips() {
        try (RecordStore store = newStore()) {
            String json = "{\"asunto\":\"Petición de información — señalización vial 🚦\",\"barrio\":\"Usaquén\"}";
            store.inTransaction(tx -> {
                tx.insert("interaction", "i-ñ-1", json);
                tx.claimKey("asunto", "señalización:Usaquén", "i-ñ-1");
                return null;
            });

            assertThat(store.inTransaction(tx -> tx.get("interaction", "i-ñ-1")).orElseThrow().json()).isEqualTo(json);
            assertThat(find(store, "asunto", "señalización:Usaquén")).contains("i-ñ-1");
        }
    }

    @Test
    default void oversizeBodyAndOverlongIdsAreRefused() {
        try (RecordStore store = newStore()) {
            String huge = "{\"x\":\"" + "a".repeat(RecordLimits.MAX_JSON_LENGTH) + "\"}";

            assertThatThrownBy(() -> store.inTransaction(tx -> tx.insert("case", "k-1", huge)))
                    .isInstanceOf(VentanillaException.class)
                    .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED));
            assertThatThrownBy(() -> store.inTransaction(tx -> tx.claimKey("phone", "9".repeat(501), "c-1")))
                    .isInstanceOf(VentanillaException.class)
                    .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED))
                    .hasMessageNotContaining("999");
            assertThatThrownBy(() -> store.inTransaction(tx -> tx.get(" ", "k-1")))
                    .isInstanceOf(VentanillaException.class)
                    .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT));
            assertThatThrownBy(() -> store.unpublishedEvents(0))
                    .isInstanceOf(VentanillaException.class)
                    .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT));
        }
    }

    @Test
    default void storeIsReachableWhileOpen() {
        try (RecordStore store = newStore()) {
            assertThat(store.isReachable()).isTrue();
        }
    }

    // ----- lookup keys -----

    @Test
    default void claimKeyIsTrueForItsHolderAndFalseForAnyOtherId() {
        try (RecordStore store = newStore()) {
            assertThat(claim(store, "identifier", "CC:1020304050", "c-1")).isTrue();
            assertThat(claim(store, "identifier", "CC:1020304050", "c-1")).isTrue();
            assertThat(claim(store, "identifier", "CC:1020304050", "c-2")).isFalse();
            assertThat(claim(store, "identifier-old", "CC:1020304050", "c-2")).isTrue();

            assertThat(find(store, "identifier", "CC:1020304050")).contains("c-1");
            assertThat(find(store, "identifier", "CC:9999")).isEmpty();
        }
    }

    @Test
    default void releasedKeyCanBeClaimedByAnotherId() {
        try (RecordStore store = newStore()) {
            store.inTransaction(tx -> tx.claimKey("email", "ana.gomez@example.co", "c-1"));
            store.inTransaction(tx -> {
                tx.releaseKey("email", "ana.gomez@example.co");
                tx.releaseKey("email", "never-claimed@example.co");
                return null;
            });

            assertThat(find(store, "email", "ana.gomez@example.co")).isEmpty();
            assertThat(claim(store, "email", "ana.gomez@example.co", "c-2")).isTrue();
        }
    }

    @Test
    default void keysWithPrefixListsOneKindInKeyOrderUpToTheLimit() {
        try (RecordStore store = newStore()) {
            store.inTransaction(tx -> {
                tx.claimKey("worklist", "team:obras:2026-12-01:k-3", "k-3");
                tx.claimKey("worklist", "team:obras:2026-03-15:k-1", "k-1");
                tx.claimKey("worklist", "team:obras:2026-03-15:k-2", "k-2");
                tx.claimKey("worklist", "team:obras-viales:2026-01-01:k-8", "k-8");
                tx.claimKey("worklist", "team:movilidad:2026-01-01:k-9", "k-9");
                tx.claimKey("worklist-archive", "team:obras:2025-01-01:k-0", "k-0");
                tx.claimKey("worklist", "team:100%_real:2026-01-01:k-5", "k-5");
                tx.claimKey("worklist", "team:100xxreal:2026-01-01:k-6", "k-6");
                return null;
            });

            List<KeyEntry> all = store.inTransaction(tx -> tx.keysWithPrefix("worklist", "team:obras:", 10));
            List<KeyEntry> two = store.inTransaction(tx -> tx.keysWithPrefix("worklist", "team:obras:", 2));
            List<KeyEntry> literal = store.inTransaction(tx -> tx.keysWithPrefix("worklist", "team:100%_", 10));
            List<KeyEntry> everything = store.inTransaction(tx -> tx.keysWithPrefix("worklist", "", 100));

            assertThat(all).containsExactly(
                    new KeyEntry("team:obras:2026-03-15:k-1", "k-1"),
                    new KeyEntry("team:obras:2026-03-15:k-2", "k-2"),
                    new KeyEntry("team:obras:2026-12-01:k-3", "k-3"));
            assertThat(two).extracting(KeyEntry::id).containsExactly("k-1", "k-2");
            assertThat(literal).extracting(KeyEntry::id).containsExactly("k-5");
            assertThat(everything).extracting(KeyEntry::key).isSorted().hasSize(7);
            assertThat(keys(store, "nothing-here", "", 5)).isEmpty();
        }
    }

    @Test
    default void concurrentClaimsOfOneKeyLetExactlyOneIdWin() throws Exception {
        try (RecordStore store = newStore()) {
            int threads = 8;
            List<Boolean> results = runConcurrently(threads, i -> () ->
                    store.inTransaction(tx -> tx.claimKey("radicado", "BOG-2026-0000042", "case-" + i)));

            assertThat(results).containsOnlyOnce(true).hasSize(threads);
            String winner = "case-" + results.indexOf(true);
            assertThat(find(store, "radicado", "BOG-2026-0000042")).contains(winner);
        }
    }

    @Test
    default void claimRacingAnOpenTransactionWaitsAndSeesTheKeyTakenWhenTheWinnerCommits() throws Exception {
        try (RecordStore store = newStore()) {
            assertThat(raceForHeldKey(store, false)).isFalse();
            assertThat(find(store, "identifier", "CE:998877")).contains("winner");
        }
    }

    @Test
    default void claimRacingATransactionThatRollsBackGetsTheKey() throws Exception {
        try (RecordStore store = newStore()) {
            assertThat(raceForHeldKey(store, true)).isTrue();
            assertThat(find(store, "identifier", "CE:998877")).contains("challenger");
        }
    }

    /** The first transaction claims a key and holds it open; a second claims the same key; returns the second's answer. */
    private boolean raceForHeldKey(RecordStore store, boolean firstRollsBack) throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = pool.submit(() -> store.inTransaction(tx -> {
                boolean won = tx.claimKey("identifier", "CE:998877", "winner");
                claimed.countDown();
                awaitLatch(release);
                if (firstRollsBack) {
                    throw new IllegalStateException("the first transaction gives up");
                }
                return won;
            }));
            assertThat(claimed.await(LONG_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Future<Boolean> second = pool.submit(() ->
                    store.inTransaction(tx -> tx.claimKey("identifier", "CE:998877", "challenger")));

            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
            release.countDown();

            if (firstRollsBack) {
                assertThatThrownBy(() -> first.get(LONG_WAIT.toSeconds(), TimeUnit.SECONDS))
                        .hasCauseInstanceOf(IllegalStateException.class);
            } else {
                assertThat(first.get(LONG_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            }
            return second.get(LONG_WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    // ----- sequences -----

    @Test
    default void sequencesStartAtOneAndCountPerName() {
        try (RecordStore store = newStore()) {
            assertThat(store.nextInSequence("radicado-2026")).isEqualTo(1);
            assertThat(store.nextInSequence("radicado-2026")).isEqualTo(2);
            assertThat(store.nextInSequence("radicado-2027")).isEqualTo(1);
            assertThat(store.nextInSequence("radicado-2026")).isEqualTo(3);
        }
    }

    @Test
    default void ensuringASequenceTakesNoValueAndLetsTransactionsUseIt() {
        try (RecordStore store = newStore()) {
            store.ensureSequence("radicado-2031");
            store.ensureSequence("radicado-2031");

            long inside = store.inTransaction(tx -> store.nextInSequence("radicado-2031"));

            assertThat(inside).isEqualTo(1);
            assertThat(store.nextInSequence("radicado-2031")).isEqualTo(2);
        }
    }

    @Test
    default void sequenceNamesDifferingOnlyInPunctuationStayApart() {
        try (RecordStore store = newStore()) {
            store.nextInSequence("radicado:BOG/2026");
            store.nextInSequence("radicado:BOG/2026");

            assertThat(store.nextInSequence("radicado:BOG:2026")).isEqualTo(1);
            assertThat(store.nextInSequence("Radicado:BOG/2026")).isEqualTo(1);
            assertThat(store.nextInSequence("radicado:BOG/2026")).isEqualTo(3);
        }
    }

    @Test
    default void concurrentSequenceValuesAreUniqueAndIncreaseForEachCaller() throws Exception {
        try (RecordStore store = newStore()) {
            int threads = 6;
            int perThread = 150;
            List<List<Long>> taken = runConcurrently(threads, i -> () -> {
                List<Long> mine = new ArrayList<>();
                for (int n = 0; n < perThread; n++) {
                    mine.add(store.nextInSequence("radicado-concurrente"));
                }
                return mine;
            });

            Set<Long> all = new HashSet<>();
            for (List<Long> mine : taken) {
                assertThat(mine).isSorted().doesNotHaveDuplicates();
                all.addAll(mine);
            }
            assertThat(all).hasSize(threads * perThread);
            long highest = all.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(store.nextInSequence("radicado-concurrente")).isGreaterThan(highest);
        }
    }

    @Test
    default void sequenceValueTakenInAFailedTransactionLeavesAGapAndIsNeverReused() {
        try (RecordStore store = newStore()) {
            long first = store.inTransaction(tx -> store.nextInSequence("radicado-2026"));
            assertThatThrownBy(() -> store.inTransaction(tx -> {
                long lost = store.nextInSequence("radicado-2026");
                tx.claimKey("radicado", "2026-" + lost, "k-1");
                throw new IllegalStateException("fails after taking " + lost);
            })).isInstanceOf(IllegalStateException.class);

            assertThat(first).isEqualTo(1);
            assertThat(store.nextInSequence("radicado-2026")).isEqualTo(3);
        }
    }

    // ----- outbox -----

    @Test
    default void outboxEventsAreUnpublishedInCommitOrderWithTheirTime() {
        try (RecordStore store = newStore()) {
            store.inTransaction(tx -> {
                tx.insert("interaction", "i-1", "{}");
                tx.appendEvent(new OutboxEvent.Draft("interaction", "i-1", "interaction.received", "{\"canal\":\"chat\"}"));
                tx.appendEvent(new OutboxEvent.Draft("case", "k-1", "case.opened", "{\"radicado\":\"2026-0000001\"}"));
                return null;
            });
            store.inTransaction(tx -> {
                tx.appendEvent(new OutboxEvent.Draft("interaction", "i-1", "interaction.classified", "{\"categoria\":\"vías\"}"));
                return null;
            });

            List<OutboxEvent> events = store.unpublishedEvents(10);

            assertThat(events).extracting(OutboxEvent::type)
                    .containsExactly("interaction.received", "case.opened", "interaction.classified");
            assertThat(events).extracting(OutboxEvent::sequence).isSorted().doesNotHaveDuplicates();
            OutboxEvent first = events.get(0);
            assertThat(first.aggregateType()).isEqualTo("interaction");
            assertThat(first.aggregateId()).isEqualTo("i-1");
            assertThat(first.payload()).isEqualTo("{\"canal\":\"chat\"}");
            assertThat(first.createdAt()).isEqualTo(NOW);
            assertThat(events.get(2).payload()).isEqualTo("{\"categoria\":\"vías\"}");
        }
    }

    @Test
    default void unpublishedEventsHonoursTheLimitOldestFirst() {
        try (RecordStore store = newStore()) {
            for (int i = 1; i <= 5; i++) {
                int n = i;
                store.inTransaction(tx -> {
                    tx.appendEvent(new OutboxEvent.Draft("case", "k-" + n, "case.opened", "{\"n\":" + n + "}"));
                    return null;
                });
            }

            assertThat(store.unpublishedEvents(3)).extracting(OutboxEvent::aggregateId).containsExactly("k-1", "k-2", "k-3");
        }
    }

    @Test
    default void markPublishedRemovesEventsAndIgnoresUnknownNumbers() {
        try (RecordStore store = newStore()) {
            for (int i = 1; i <= 4; i++) {
                int n = i;
                store.inTransaction(tx -> {
                    tx.appendEvent(new OutboxEvent.Draft("case", "k-" + n, "case.opened", "{}"));
                    return null;
                });
            }
            List<OutboxEvent> before = store.unpublishedEvents(10);

            store.markPublished(List.of(before.get(0).sequence(), before.get(2).sequence(), 987_654_321L));
            store.markPublished(List.of(before.get(0).sequence()));
            store.markPublished(List.of());

            assertThat(store.unpublishedEvents(10)).extracting(OutboxEvent::aggregateId).containsExactly("k-2", "k-4");
        }
    }

    @Test
    default void eventsOfConcurrentTransactionsAreAllKeptOnce() throws Exception {
        try (RecordStore store = newStore()) {
            int threads = 4;
            int perThread = 50;
            runConcurrently(threads, i -> () -> {
                for (int n = 0; n < perThread; n++) {
                    String id = "i-" + i + "-" + n;
                    store.inTransaction(tx -> {
                        tx.insert("interaction", id, "{}");
                        tx.appendEvent(new OutboxEvent.Draft("interaction", id, "interaction.received", "{}"));
                        return null;
                    });
                }
                return null;
            });

            List<OutboxEvent> events = store.unpublishedEvents(1000);
            assertThat(events).hasSize(threads * perThread);
            assertThat(events).extracting(OutboxEvent::aggregateId).doesNotHaveDuplicates();
            assertThat(events).extracting(OutboxEvent::sequence).isSorted();
        }
    }

    // ----- helpers -----

    private static Optional<StoredRecord> read(RecordStore store, String kind, String id) {
        return store.inTransaction(tx -> tx.get(kind, id));
    }

    private static boolean claim(RecordStore store, String kind, String key, String id) {
        return store.inTransaction(tx -> tx.claimKey(kind, key, id));
    }

    private static Optional<String> find(RecordStore store, String kind, String key) {
        return store.inTransaction(tx -> tx.findByKey(kind, key));
    }

    private static List<KeyEntry> keys(RecordStore store, String kind, String prefix, int limit) {
        return store.inTransaction(tx -> tx.keysWithPrefix(kind, prefix, limit));
    }

    /** Starts {@code threads} tasks at once and returns their results in task order. */
    private static <T> List<T> runConcurrently(int threads, java.util.function.IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    awaitLatch(start);
                    return work.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(LONG_WAIT.toSeconds() * 2, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(LONG_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released within " + LONG_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
