package org.ventanilla.ops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.outbox.OutboxRelay;
import org.ventanilla.core.outbox.RelayOptions;
import org.ventanilla.core.port.OutboxEvent;
import org.ventanilla.core.testing.TestServices;

/**
 * Benchmark "storage": the outbox path. Writer threads commit transactions of one record plus one outbox event
 * for a fixed time while a started {@link OutboxRelay} publishes them; the figure is transactions per second
 * from the first commit until the relay has published the last event. Three runs on H2 (a file in a temp dir)
 * and three on PostgreSQL (a fresh schema of the test database); the median of each is reported, beside
 * {@code pgbench} inserting one row per transaction into a table of the same server with as many clients.
 *
 * <p>verified=true only when, in every run, the database holds exactly one record and one published event per
 * acknowledged commit, no event is left unpublished, and the publisher saw every event exactly once.
 *
 * <p>Run with {@code ops/bench.sh storage}. System properties: {@code bench.threads} (8), {@code bench.seconds} (6),
 * {@code bench.pgbenchSeconds} (10).
 */
public final class StorageBench {

    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 6));
    private static final int PGBENCH_SECONDS = Integer.getInteger("bench.pgbenchSeconds", 10);
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);
    private static final String BODY = "{\"canal\":\"chat\",\"ciudadano\":null,\"asunto\":\"Consulta sobre el estado de un trámite"
            + " de licencia de construcción en el barrio Chapinero\",\"categoria\":\"urbanismo\",\"prioridad\":2}";

    private StorageBench() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "storage benchmark: %d writer threads, %d s per run, a warm-up and 3 runs per database, %d cores%n",
                THREADS, RUN.toSeconds(), Runtime.getRuntime().availableProcessors());
        boolean verified = true;

        double[] h2 = new double[3];
        for (int run = -1; run < 3; run++) {
            Path dir = Files.createTempDirectory("ventanilla-bench-h2");
            try {
                JdbcSettings settings = JdbcSettings.h2File(dir).withMaxPoolSize(THREADS + 2);
                RunResult result = runOnce("h2", run, settings);
                verified &= result.verified();
                if (run >= 0) {
                    h2[run] = result.perSecond();
                }
            } finally {
                BenchSupport.deleteTree(dir);
            }
        }

        double[] postgres = new double[3];
        for (int run = -1; run < 3; run++) {
            String url = TestServices.postgresUrlWithFreshSchema();
            try {
                JdbcSettings settings = new JdbcSettings(url, TestServices.postgresUser(), "", THREADS + 2, Duration.ofSeconds(5));
                RunResult result = runOnce("postgres", run, settings);
                verified &= result.verified();
                if (run >= 0) {
                    postgres[run] = result.perSecond();
                }
            } finally {
                BenchSupport.dropSchema(url);
            }
        }

        double pgbench = BenchSupport.pgbenchInsertRate(THREADS, PGBENCH_SECONDS, BODY);

        System.out.printf(Locale.ROOT, "h2 runs: %s; postgres runs: %s (transactions per second, end to end)%n",
                Arrays.toString(BenchSupport.rounded(h2)), Arrays.toString(BenchSupport.rounded(postgres)));
        System.out.printf(Locale.ROOT, "RESULT storage h2_per_s=%d postgres_per_s=%d pgbench_insert_per_s=%d verified=%s%n",
                Math.round(BenchSupport.median(h2)), Math.round(BenchSupport.median(postgres)), Math.round(pgbench), verified);
    }

    private static RunResult runOnce(String database, int run, JdbcSettings settings) throws Exception {
        ConcurrentHashMap<String, AtomicInteger> publishedTimes = new ConcurrentHashMap<>();
        AtomicLong published = new AtomicLong();
        AtomicLong lastPublishedAt = new AtomicLong();
        AtomicLong committed = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        double cpuBefore = BenchSupport.processCpuSeconds();
        try (JdbcRecordStore store = JdbcRecordStore.create(settings)) {
            OutboxRelay relay = OutboxRelay.create(store, event -> {
                publishedTimes.computeIfAbsent(event.aggregateId(), id -> new AtomicInteger()).incrementAndGet();
                published.incrementAndGet();
                lastPublishedAt.set(System.nanoTime());
            }, new RelayOptions().setBatchSize(500).setPollInterval(Duration.ofMillis(5)));
            relay.start();
            long start = System.nanoTime();
            // Run -1 warms the JIT and the database up; it is checked but left out of the figures.
            long deadline = start + (run < 0 ? WARM_UP : RUN).toNanos();
            Thread[] writers = new Thread[THREADS];
            for (int t = 0; t < THREADS; t++) {
                int writer = t;
                writers[t] = new Thread(() -> {
                    for (long i = 0; System.nanoTime() < deadline; i++) {
                        String id = database + "-" + (run + 1) + "-" + writer + "-" + i;
                        try {
                            store.inTransaction(tx -> {
                                tx.insert("interaction", id, BODY);
                                tx.appendEvent(new OutboxEvent.Draft("interaction", id, "interaction.received", "{\"id\":\"" + id + "\"}"));
                                return null;
                            });
                            committed.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                    }
                }, "bench-writer-" + t);
                writers[t].start();
            }
            for (Thread writer : writers) {
                writer.join();
            }
            long drainDeadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
            while (published.get() < committed.get() && System.nanoTime() < drainDeadline) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            // Give a duplicate (an event published twice) the chance to show up before checking.
            TimeUnit.MILLISECONDS.sleep(200);
            relay.stop();
            long end = Math.max(lastPublishedAt.get(), deadline);
            double seconds = (end - start) / 1e9;
            double perSecond = committed.get() / seconds;
            double cpu = BenchSupport.processCpuSeconds() - cpuBefore;

            Counts counts = count(settings);
            boolean eachOnce = publishedTimes.size() == committed.get()
                    && publishedTimes.values().stream().allMatch(n -> n.get() == 1);
            boolean verified = failures.get() == 0 && counts.records() == committed.get() && counts.events() == committed.get()
                    && counts.unpublished() == 0 && published.get() == committed.get() && eachOnce;
            System.out.printf(Locale.ROOT, "%s %s: %d transactions committed and published in %.2f s = %.0f/s"
                    + " (records %d, events %d, unpublished %d, published %d, failures %d, JVM CPU %.1f s) verified=%s%n",
                    database, run < 0 ? "warm-up" : "run " + (run + 1), committed.get(), seconds, perSecond, counts.records(),
                    counts.events(), counts.unpublished(), published.get(), failures.get(), cpu, verified);
            return new RunResult(perSecond, verified);
        }
    }

    private record RunResult(double perSecond, boolean verified) {
    }

    private record Counts(long records, long events, long unpublished) {
    }

    /** Counts straight from the tables, not through the store under test. */
    private static Counts count(JdbcSettings settings) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                Statement s = c.createStatement()) {
            return new Counts(
                    BenchSupport.single(s, "SELECT COUNT(*) FROM records WHERE kind = 'interaction'"),
                    BenchSupport.single(s, "SELECT COUNT(*) FROM outbox"),
                    BenchSupport.single(s, "SELECT COUNT(*) FROM outbox WHERE published_at IS NULL"));
        }
    }
}
