package org.ventanilla.ops.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.demo.CatalogLoader;
import org.ventanilla.core.domain.calendar.BusinessCalendar;
import org.ventanilla.core.domain.calendar.Deadlines;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.citizen.Survivorship;
import org.ventanilla.core.domain.classification.Classifier;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.intake.DefaultIntakeService;
import org.ventanilla.core.intake.InboundContact;
import org.ventanilla.core.intake.IntakeResult;
import org.ventanilla.core.store.RecordKinds;
import org.ventanilla.core.testing.TestServices;

/**
 * Benchmark "intake": contacts taken in by the real {@link DefaultIntakeService} (citizen proposed, contact
 * classified, interaction stored, and for half of them a case with radicado and due date, with the outbox events),
 * one {@code receive} per contact, each its own transaction, nothing batched across contacts.
 *
 * <p>The load is open-loop: a generator thread issues contacts at a fixed rate to a pool of worker threads (an
 * unbounded queue, so a slow store makes the queue grow instead of slowing the generator down) and the latency of
 * every contact, from the moment it was due to be issued until it is stored, goes into an HdrHistogram. A short
 * closed-loop warm-up per database estimates the capacity C; each of the three runs then tries rates in steps of a few
 * seconds, from 0.8 C (C raised to the best rate an earlier run sustained) up by half while the steps keep up (down
 * while they do not), then halving the interval between the fastest rate that kept up and the slowest that did not
 * (a rate counts as too fast only when it fails twice in a row). A step keeps up when its last contact is stored at most
 * 5 % of the step's length after the generator stopped (so at least about 95 % of the target rate was completed; a
 * store slower than the rate makes the queue, and the lag, grow with the step). A run's figure is completed contacts
 * per second of the fastest step that kept up; the result is the median of three runs, on H2 (a file in a temp dir)
 * and on PostgreSQL (a fresh schema of the test database, {@code synchronous_commit} read with SHOW and printed),
 * beside {@code pgbench} inserting one row per transaction into the same server with as many clients as worker
 * threads. The generator's own CPU time (its thread) is printed beside the whole process's.
 *
 * <p>verified=true only when, in every store: no call failed; every contact was stored once (as many interaction
 * records and external-id keys as contacts, every interaction id distinct, no contact reported as a repeat); every
 * radicado is distinct; the cases equal the contacts that got a radicado, which are the deferred contacts (each with
 * a due date) plus the immediate ones that came by email or Open311; the outbox holds one event per interaction and
 * one per case; and PostgreSQL reports {@code synchronous_commit = on}.
 *
 * <p>Run with {@code ops/bench.sh intake}. System properties: {@code bench.threads} (16 workers),
 * {@code bench.stepSeconds} (2.5), {@code bench.maxSteps} (6),
 * {@code bench.targetRate} (1000), {@code bench.probeSeconds} (4),
 * {@code bench.databases} (h2,postgres), {@code bench.pgbenchSeconds} (10).
 */
public final class IntakeBench {

    private static final int THREADS = Integer.getInteger("bench.threads", 16);
    private static final Duration STEP = Duration.ofMillis(Math.round(1000 * Double.parseDouble(System.getProperty("bench.stepSeconds",
            "2.5"))));
    private static final int MAX_STEPS = Integer.getInteger("bench.maxSteps", 6);
    /** The target of issue 3 (contacts per second on PostgreSQL): every run first holds this rate for one step. */
    private static final int TARGET_RATE = Integer.getInteger("bench.targetRate", 1000);
    private static final List<String> DATABASES = List.of(System.getProperty("bench.databases", "h2,postgres").split(","));
    private static final Duration PROBE = Duration.ofSeconds(Integer.getInteger("bench.probeSeconds", 4));
    private static final int PGBENCH_SECONDS = Integer.getInteger("bench.pgbenchSeconds", 10);
    private static final double START_FACTOR = 0.8;
    private static final double STEP_FACTOR = 1.5;
    /** The ladder stops when the slowest rate that failed is within this share above the fastest that kept up. */
    private static final double BRACKET = 0.05;
    /** A step keeps up when its last contact is stored at most this share of the step's length after the generator stopped. */
    private static final double KEEP_UP_SLACK = 0.05;
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
    private static final long HIGHEST_LATENCY_US = TimeUnit.MINUTES.toMicros(5);
    /** The pgbench row: about the size of a stored chat interaction. */
    private static final String PGBENCH_BODY = "{\"channel\":\"chat\",\"externalId\":\"chat-1234\",\"category\":\"huecos-via\","
            + "\"deferred\":true,\"text\":\"Hay un hueco muy grande en la calle 45 con carrera 13, ya se han caído dos motos\"}";

    private static final Catalog CATALOG = CatalogLoader.demo();
    private static final ThreadMXBean THREAD_BEAN = ManagementFactory.getThreadMXBean();

    private IntakeBench() {
    }

    public static void main(String[] args) throws Exception {
        long trainStart = System.nanoTime();
        Classifier classifier = Classifier.train(CATALOG);
        System.out.printf(Locale.ROOT, "intake benchmark: %d worker threads, open-loop ladder of %.1f s steps (start %.0f %% of the"
                + " warm-up's closed-loop rate, x%.2f per step until bracketed, then halving, at most %d steps), 3 runs per database,"
                + " %d cores; classifier trained in %.1f s%n", THREADS, STEP.toMillis() / 1000.0, START_FACTOR * 100, STEP_FACTOR,
                MAX_STEPS, Runtime.getRuntime().availableProcessors(), (System.nanoTime() - trainStart) / 1e9);
        boolean verified = true;
        List<String> summary = new ArrayList<>();
        double[] medians = new double[2];
        for (String database : DATABASES) {
            Outcome warmUp = runOnce(database, -1, classifier, 0);
            verified &= warmUp.verified();
            Figure[] figures = new Figure[3];
            // Each run starts below the best rate seen so far on this database, so a warm-up slowed down by the shared
            // machine does not leave every run climbing from far too low.
            double capacity = warmUp.figure().perSecond();
            for (int run = 0; run < 3; run++) {
                Outcome outcome = runOnce(database, run, classifier, capacity);
                verified &= outcome.verified();
                figures[run] = outcome.figure();
                capacity = Math.max(capacity, outcome.figure().rate());
            }
            double[] perSecond = Arrays.stream(figures).mapToDouble(Figure::perSecond).toArray();
            double middle = BenchSupport.median(perSecond);
            medians[database.equals("h2") ? 0 : 1] = middle;
            Figure median = Arrays.stream(figures).filter(f -> f.perSecond() == middle).findFirst().orElseThrow();
            summary.add(String.format(Locale.ROOT, "%s runs: %s contacts/s (median %.0f/s, its latency p50 %.1f ms, p99 %.1f ms%s);"
                    + " at %d/s: kept up in %d of 3 runs, latency p50 %s ms, p99 %s ms", database,
                    Arrays.toString(BenchSupport.rounded(perSecond)), median.perSecond(), median.p50Millis(), median.p99Millis(),
                    median.keptUp() ? "" : ", NOT kept up at any rate tried", TARGET_RATE,
                    Arrays.stream(figures).filter(f -> f.atTarget().keptUp()).count(),
                    oneDecimal(Arrays.stream(figures).mapToDouble(f -> f.atTarget().p50Millis())),
                    oneDecimal(Arrays.stream(figures).mapToDouble(f -> f.atTarget().p99Millis()))));
        }

        double pgbench = BenchSupport.pgbenchInsertRate(THREADS, PGBENCH_SECONDS, PGBENCH_BODY);
        summary.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "RESULT intake h2_per_s=%d postgres_per_s=%d pgbench_insert_per_s=%d verified=%s%n",
                Math.round(medians[0]), Math.round(medians[1]), Math.round(pgbench), verified);
    }

    /**
     * One store, fresh: run -1 is the closed-loop warm-up (its rate is the capacity estimate), runs 0..2 climb the
     * open-loop ladder from {@code capacity}.
     */
    private static Outcome runOnce(String database, int run, Classifier classifier, double capacity) throws Exception {
        String label = database + (run < 0 ? " warm-up" : " run " + (run + 1));
        Path dir = null;
        String url;
        JdbcSettings settings;
        if (database.equals("h2")) {
            dir = Files.createTempDirectory("ventanilla-bench-intake");
            settings = JdbcSettings.h2File(dir).withMaxPoolSize(THREADS + 2);
            url = null;
        } else {
            url = TestServices.postgresUrlWithFreshSchema();
            settings = new JdbcSettings(url, TestServices.postgresUser(), "", THREADS + 2, Duration.ofSeconds(5));
        }
        boolean settingsOk = true;
        if (url != null && run < 0) {
            String synchronousCommit = show(settings, "synchronous_commit");
            settingsOk = synchronousCommit.equals("on");
            System.out.printf(Locale.ROOT, "postgres: %s, synchronous_commit=%s, fsync=%s, max_connections=%s%s%n",
                    show(settings, "server_version"), synchronousCommit, show(settings, "fsync"), show(settings, "max_connections"),
                    settingsOk ? "" : " (NOT the setting this benchmark is defined for: verified=false)");
        }
        ThreadPoolExecutor pool = workerPool();
        try (JdbcRecordStore store = JdbcRecordStore.create(settings)) {
            Clock clock = Clock.systemUTC();
            DefaultIntakeService intake = new DefaultIntakeService(store, CATALOG, classifier,
                    new Deadlines(BusinessCalendar.colombia(clock)), "", Survivorship.trusting("registraduria"));
            Tally tally = new Tally();
            ContactMix mix = new ContactMix(clock, 0x5EED0000L + run);
            AtomicLong sequence = new AtomicLong();
            Figure figure = run < 0 ? closedLoop(label, intake, mix, tally, sequence)
                    : ladder(label, intake, mix, tally, sequence, pool, capacity);
            Counts counts = count(settings);
            boolean verified = settingsOk && tally.verify(label, counts);
            return new Outcome(figure, verified);
        } finally {
            pool.shutdownNow();
            if (dir != null) {
                BenchSupport.deleteTree(dir);
            }
            if (url != null) {
                BenchSupport.dropSchema(url);
            }
        }
    }

    private static ThreadPoolExecutor workerPool() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "bench-intake-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The warm-up: THREADS threads call receive back to back; their rate estimates what the store can take. */
    private static Figure closedLoop(String label, DefaultIntakeService intake, ContactMix mix, Tally tally, AtomicLong sequence)
            throws InterruptedException {
        ConcurrentHistogram latency = new ConcurrentHistogram(HIGHEST_LATENCY_US, 3);
        AtomicLong stored = new AtomicLong();
        double cpuBefore = BenchSupport.processCpuSeconds();
        long start = System.nanoTime();
        long deadline = start + PROBE.toNanos();
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            threads[t] = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    Planned planned = mix.next(sequence.getAndIncrement());
                    tally.issued.increment();
                    long begin = System.nanoTime();
                    if (tally.receive(intake, planned)) {
                        latency.recordValue(micros(System.nanoTime() - begin));
                        stored.incrementAndGet();
                    }
                }
            }, "bench-closed-" + t);
            threads[t].start();
        }
        // The first half warms the JIT and the database up; the rate of the second half is the estimate.
        long half = start + PROBE.toNanos() / 2;
        LockSupport.parkNanos(half - System.nanoTime());
        long storedAtHalf = stored.get();
        long halfAt = System.nanoTime();
        for (Thread thread : threads) {
            thread.join();
        }
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        double perSecond = (stored.get() - storedAtHalf) / ((end - halfAt) / 1e9);
        System.out.printf(Locale.ROOT, "%s: closed loop, %d threads: %d contacts stored in %.2f s, %.0f/s in the second half,"
                + " service time p50 %.1f ms p99 %.1f ms; process CPU %.1f s; load %.1f%n", label, THREADS, stored.get(), seconds,
                perSecond,
                millis(latency, 50), millis(latency, 99), BenchSupport.processCpuSeconds() - cpuBefore, BenchSupport.loadAverage());
        return new Figure(perSecond, perSecond, millis(latency, 50), millis(latency, 99), true, null);
    }

    /**
     * Open-loop steps: from 0.8 C up by half while they keep up (down by a third while they do not) until a step that
     * keeps up and one that does not bracket the limit, then halving the bracket; at most MAX_STEPS steps. A rate that
     * fails is tried once more before it counts as too fast, so that one stall of the shared machine does not end the
     * search.
     */
    private static Figure ladder(String label, DefaultIntakeService intake, ContactMix mix, Tally tally, AtomicLong sequence,
            ThreadPoolExecutor pool, double capacity) throws InterruptedException {
        Step atTarget = openLoopStep(label + " at the target rate", intake, mix, tally, sequence, pool, TARGET_RATE);
        double rate = roundRate(capacity * START_FACTOR);
        double good = 0;
        double bad = Double.MAX_VALUE;
        Step best = null;
        Step fastestFailed = null;
        boolean retried = false;
        for (int step = 1; step <= MAX_STEPS; step++) {
            Step s = openLoopStep(label + " step " + step + (retried ? " (again)" : ""), intake, mix, tally, sequence, pool, rate);
            if (s.keptUp()) {
                good = Math.max(good, rate);
                if (best == null || s.rate() > best.rate()) {
                    best = s;
                }
            } else {
                if (fastestFailed == null || s.perSecond() > fastestFailed.perSecond()) {
                    fastestFailed = s;
                }
                if (!retried) {
                    retried = true;
                    continue;
                }
                bad = Math.min(bad, rate);
            }
            retried = false;
            if (bad == Double.MAX_VALUE) {
                rate = roundRate(good * STEP_FACTOR);
            } else if (good == 0) {
                rate = roundRate(bad / STEP_FACTOR);
            } else if (bad / good <= 1 + BRACKET) {
                break;
            } else {
                rate = roundRate((good + bad) / 2);
            }
        }
        if (best == null) {
            System.out.printf(Locale.ROOT, "%s: no step kept up; its figure is the best completed rate, %.0f/s%n", label,
                    fastestFailed.perSecond());
            return new Figure(0, fastestFailed.perSecond(), fastestFailed.p50Millis(), fastestFailed.p99Millis(), false, atTarget);
        }
        System.out.printf(Locale.ROOT, "%s: fastest rate that kept up %.0f/s: %.0f contacts/s completed, p50 %.1f ms, p99 %.1f ms%s%n",
                label, best.rate(), best.perSecond(), best.p50Millis(), best.p99Millis(),
                bad == Double.MAX_VALUE ? " (no rate tried failed twice: the figure is a lower bound)"
                        : String.format(Locale.ROOT, " (%.0f/s did not, twice)", bad));
        return new Figure(best.rate(), best.perSecond(), best.p50Millis(), best.p99Millis(), true, atTarget);
    }

    private static String oneDecimal(DoubleStream values) {
        return values.mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).collect(Collectors.joining(", ", "[", "]"));
    }

    private static double roundRate(double rate) {
        return Math.max(10, Math.round(rate / 10) * 10);
    }

    private static Step openLoopStep(String label, DefaultIntakeService intake, ContactMix mix, Tally tally, AtomicLong sequence,
            ThreadPoolExecutor pool, double rate) throws InterruptedException {
        ConcurrentHistogram latency = new ConcurrentHistogram(HIGHEST_LATENCY_US, 3);
        AtomicLong completed = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();
        double cpuBefore = BenchSupport.processCpuSeconds();
        long generatorCpuBefore = THREAD_BEAN.getCurrentThreadCpuTime();
        double interval = 1e9 / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        long end = start + STEP.toNanos();
        long issued = 0;
        while (true) {
            long due = start + (long) (issued * interval);
            if (due >= end) {
                break;
            }
            long now = System.nanoTime();
            while (now < due) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            Planned planned = mix.next(sequence.getAndIncrement());
            tally.issued.increment();
            pool.execute(() -> {
                try {
                    if (tally.receive(intake, planned)) {
                        // Latency counts from when the contact was due, so a late generator cannot hide a slow store.
                        long doneAt = System.nanoTime();
                        latency.recordValue(micros(doneAt - due));
                        lastDone.accumulateAndGet(doneAt, Math::max);
                    }
                } finally {
                    completed.incrementAndGet();
                }
            });
            issued++;
        }
        double generatorCpu = (THREAD_BEAN.getCurrentThreadCpuTime() - generatorCpuBefore) / 1e9;
        long drainDeadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (completed.get() < issued && System.nanoTime() < drainDeadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        boolean drained = completed.get() == issued;
        long finished = Math.max(lastDone.get(), end);
        double seconds = (finished - start) / 1e9;
        double perSecond = latency.getTotalCount() / seconds;
        double behind = (finished - end) / 1e9;
        boolean keptUp = drained && behind <= STEP.toMillis() / 1000.0 * KEEP_UP_SLACK;
        System.out.printf(Locale.ROOT, "%s: target %.0f/s, %d issued, stored in %.2f s = %.0f/s (%.2f s after the last was issued),"
                + " latency p50 %.1f ms p99 %.1f ms max %.1f ms, %s; CPU: process %.1f s, generator %.2f s; load %.1f%n",
                label, rate, issued, seconds, perSecond, behind, millis(latency, 50), millis(latency, 99),
                latency.getMaxValue() / 1000.0, keptUp ? "kept up" : "did NOT keep up",
                BenchSupport.processCpuSeconds() - cpuBefore, generatorCpu, BenchSupport.loadAverage());
        return new Step(rate, perSecond, millis(latency, 50), millis(latency, 99), keptUp);
    }

    private static long micros(long nanos) {
        return Math.min(HIGHEST_LATENCY_US, Math.max(0, nanos / 1000));
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String show(JdbcSettings settings, String parameter) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + parameter)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Counts straight from the tables, not through the store under test. */
    private static Counts count(JdbcSettings settings) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                Statement s = c.createStatement()) {
            return new Counts(
                    BenchSupport.single(s, "SELECT COUNT(*) FROM records WHERE kind = '" + RecordKinds.INTERACTION + "'"),
                    BenchSupport.single(s, "SELECT COUNT(*) FROM record_keys WHERE kind = '"
                            + RecordKinds.INTERACTION_BY_EXTERNAL_ID + "'"),
                    BenchSupport.single(s, "SELECT COUNT(*) FROM records WHERE kind = '" + RecordKinds.CASE + "'"),
                    BenchSupport.single(s, "SELECT COUNT(*) FROM record_keys WHERE kind = '" + RecordKinds.CASE_BY_NUMBER + "'"),
                    BenchSupport.single(s, "SELECT COUNT(*) FROM records WHERE kind = '" + RecordKinds.CITIZEN + "'"),
                    BenchSupport.single(s, "SELECT COUNT(*) FROM outbox"));
        }
    }

    private record Counts(long interactions, long externalKeys, long cases, long caseNumberKeys, long citizens, long events) {
    }

    /**
     * A run's figure: rate is the target rate of the step it comes from (0 when none kept up), atTarget the step at
     * TARGET_RATE (null for the warm-up).
     */
    private record Figure(double rate, double perSecond, double p50Millis, double p99Millis, boolean keptUp, Step atTarget) {
    }

    private record Outcome(Figure figure, boolean verified) {
    }

    private record Step(double rate, double perSecond, double p50Millis, double p99Millis, boolean keptUp) {
    }

    /** A generated contact and whether the mix meant it to be deferred. */
    private record Planned(InboundContact contact, boolean deferred) {
    }

    /** What the intake answered, for one store. */
    private static final class Tally {
        final LongAdder issued = new LongAdder();
        final LongAdder stored = new LongAdder();
        final LongAdder repeats = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder plannedDeferred = new LongAdder();
        final LongAdder deferred = new LongAdder();
        final LongAdder deferredWithoutRadicadoOrDue = new LongAdder();
        final LongAdder immediateWithRadicado = new LongAdder();
        final LongAdder immediateOnChatOrVoiceWithRadicado = new LongAdder();
        final LongAdder withRadicado = new LongAdder();
        final LongAdder proposed = new LongAdder();
        final LongAdder anonymous = new LongAdder();
        final Set<String> interactionIds = ConcurrentHashMap.newKeySet();
        final Set<String> radicados = ConcurrentHashMap.newKeySet();
        final AtomicReference<String> firstFailure = new AtomicReference<>();

        /** Takes the contact in; false when the call failed (counted, first failure kept). */
        boolean receive(DefaultIntakeService intake, Planned planned) {
            IntakeResult r;
            try {
                r = intake.receive(planned.contact());
            } catch (RuntimeException e) {
                failures.increment();
                firstFailure.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                return false;
            }
            stored.increment();
            if (r.duplicate()) {
                repeats.increment();
            }
            interactionIds.add(r.interactionId().value());
            if (planned.deferred()) {
                plannedDeferred.increment();
            }
            if (r.caseNumber().isPresent()) {
                withRadicado.increment();
                radicados.add(r.caseNumber().get().value());
            }
            if (r.deferred()) {
                deferred.increment();
                if (r.caseNumber().isEmpty() || r.dueDate().isEmpty()) {
                    deferredWithoutRadicadoOrDue.increment();
                }
            } else if (r.caseNumber().isPresent()) {
                immediateWithRadicado.increment();
                Channel channel = planned.contact().channel();
                if (channel != Channel.EMAIL && channel != Channel.OPEN311) {
                    immediateOnChatOrVoiceWithRadicado.increment();
                }
            }
            if (r.citizenId().isPresent()) {
                proposed.increment();
            } else {
                anonymous.increment();
            }
            return true;
        }

        boolean verify(String label, Counts c) {
            long n = issued.sum();
            boolean once = failures.sum() == 0 && repeats.sum() == 0 && stored.sum() == n && interactionIds.size() == n
                    && c.interactions() == n && c.externalKeys() == n;
            boolean radicadosUnique = radicados.size() == withRadicado.sum() && c.caseNumberKeys() == c.cases();
            boolean casesRight = c.cases() == withRadicado.sum() && c.cases() == deferred.sum() + immediateWithRadicado.sum()
                    && deferredWithoutRadicadoOrDue.sum() == 0 && immediateOnChatOrVoiceWithRadicado.sum() == 0;
            boolean eventsRight = c.events() == c.interactions() + c.cases();
            boolean verified = once && radicadosUnique && casesRight && eventsRight;
            System.out.printf(Locale.ROOT, "%s check: %d contacts, %d stored (interactions %d, external-id keys %d, distinct ids %d,"
                    + " repeats %d, failures %d), deferred %d (%.1f %%; planned %d), cases %d (radicados distinct %d, case-number keys"
                    + " %d; immediate with radicado %d, by email/Open311), outbox events %d, citizens %d (contacts linked %d,"
                    + " anonymous %d) verified=%s%n", label, n, stored.sum(), c.interactions(), c.externalKeys(),
                    interactionIds.size(), repeats.sum(), failures.sum(), deferred.sum(), n == 0 ? 0 : 100.0 * deferred.sum() / n,
                    plannedDeferred.sum(), c.cases(), radicados.size(), c.caseNumberKeys(), immediateWithRadicado.sum(), c.events(),
                    c.citizens(), proposed.sum(), anonymous.sum(), verified);
            if (firstFailure.get() != null) {
                System.out.println(label + " first failure: " + firstFailure.get());
            }
            return verified;
        }
    }

    /**
     * The contact mix, in blocks of 20: chat 8 (2 deferred topics, 6 immediate), voice 6 (2 deferred IVR choices,
     * 4 immediate), email 3 and Open311 3 (all petitions about deferred matters): half deferred. Who writes or
     * calls: about a third give a phone (most callers, some chats and Open311 reports), about a fifth a cédula
     * (CC), every email an address, the rest nobody (anonymous). Phones, cédulas and addresses are drawn from
     * pools, so returning citizens are found by lookup. Everything about contact number {@code n} follows from
     * {@code n}, so any thread may build any contact.
     */
    private static final class ContactMix {

        private static final String[][] CHAT_DEFERRED = {
            {"huecos-via", "Hay un hueco muy grande en la calle 45 con carrera 13, ya se han caído dos motos"},
            {"ruido", "El vecino pone música a todo volumen todas las noches hasta las 3 de la mañana"},
            {"fuga-agua", "Hay una fuga de agua en el andén frente al colegio desde ayer y se está perdiendo mucha agua"},
            {"alumbrado-publico", "La luminaria del parque del barrio lleva una semana apagada y está muy oscuro"},
            {"recoleccion-basuras", "No han pasado a recoger la basura en tres días en la carrera 80 con calle 2 sur"},
            {"arbol-caido", "Se cayó un árbol grande sobre la vía en la avenida Boyacá y no deja pasar los carros"},
        };
        private static final String[][] CHAT_IMMEDIATE = {
            {"estado-cuenta-predial", "¿Cuánto debo del impuesto predial de mi casa? quiero pagar antes del descuento"},
            {"horarios-sedes", "¿A qué hora abren la sede de la alcaldía en Suba el sábado?"},
            {"programa-adulto-mayor", "Quiero inscribir a mi mamá en el programa de adulto mayor, ¿qué papeles necesito?"},
            {"paz-y-salvo", "Necesito un paz y salvo del predial para vender el apartamento"},
            {"sisben", "¿Cómo consulto mi grupo del Sisbén? me dijeron que cambió"},
            {"comparendos", "Quiero saber si tengo comparendos pendientes con la placa de mi moto"},
            {"estado-radicado", "Quiero saber en qué va la solicitud que radiqué el mes pasado"},
            {"subsidio-transporte", "¿Cómo solicito el subsidio de transporte para mi hijo que estudia en la universidad?"},
        };
        /** IVR options of deferred categories: 5 certificado de residencia, 0 "hablar con un asesor" (general). */
        private static final String[] IVR_DEFERRED = {"5", "0"};
        private static final String[] IVR_IMMEDIATE = {"1", "2", "3", "4", "6", "7"};
        private static final String[][] EMAILS = {
            {"Derecho de petición - copia del contrato 045", "Buenos días. En ejercicio del derecho de petición solicito copia"
                        + " del contrato 045 de 2025 y de sus anexos, en formato digital si es posible."},
            {"Solicitud certificado de residencia", "Buenas tardes, solicito un certificado de residencia para presentarlo"
                        + " ante la universidad. Vivo hace seis años en el barrio Las Cruces."},
            {"Queja por mala atención", "Quiero presentar una queja contra el funcionario que me atendió en la ventanilla de"
                        + " la sede centro el martes en la mañana: fue grosero y no quiso recibir mis documentos."},
            {"Petición de información", "Solicito información sobre el presupuesto ejecutado en el mantenimiento de parques"
                        + " de la localidad durante 2025 y los contratos firmados para ello."},
            {"Basuras sin recoger", "Desde hace una semana no pasa el camión de la basura por la calle 12 sur y ya hay"
                        + " bolsas acumuladas en toda la esquina."},
        };
        private static final String[][] OPEN311 = {
            {"001", "Hueco profundo en la calzada, carril derecho, frente al número 23-45"},
            {"002", "Escombros y basura acumulados en el separador"},
            {"003", "Poste de luz apagado en la esquina del parque"},
            {"004", "Árbol caído bloquea el andén"},
            {"005", "Ruido de una obra los domingos desde las 6 de la mañana"},
            {"006", "Tubo roto, el agua corre por la calle"},
            {"007", "Semáforo apagado en la intersección de la calle 26 con carrera 68"},
            {"008", "Ventas ambulantes ocupan todo el andén y no se puede pasar"},
            {"009", "Perro abandonado en el parque desde hace varios días"},
        };
        private static final String[] PREFIXES = {"300", "301", "302", "304", "310", "311", "312", "313", "314", "315", "316", "317",
            "318", "320", "321", "350"};
        private static final String[] FIRST = {"María Fernanda", "Juan Carlos", "Luz Dary", "José Antonio", "Ana Lucía",
            "Carlos Andrés", "Diana Marcela", "Luis Eduardo"};
        private static final String[] LAST = {"Gómez", "Rodríguez", "Martínez", "Pérez", "Hernández", "López", "Ríos", "Castro",
            "Vargas"};
        private static final String[] MAIL_USER = {"maria.gomez", "jcrodriguez", "luzdary.m", "jose.perez", "ana.hernandez",
            "carlos.lopez", "dianarios", "luis.castro"};
        private static final String[] MAIL_DOMAIN = {"example.com", "example.org", "example.net"};
        private static final int PHONES = 4_000;
        private static final int CEDULAS = 3_000;
        private static final int MAILS = 3_000;

        private final Clock clock;
        private final long seed;

        ContactMix(Clock clock, long seed) {
            this.clock = clock;
            this.seed = seed;
        }

        Planned next(long n) {
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
            int slot = (int) (n % 20);
            int r = rnd.nextInt(100);
            if (slot < 8) {
                boolean deferred = slot < 2;
                String[] topic = pick(rnd, deferred ? CHAT_DEFERRED : CHAT_IMMEDIATE);
                InboundContact.CitizenHints who = r < 30 ? new InboundContact.CitizenHints("CC", cedula(rnd), r < 10 ? phone(rnd) : null,
                        null, null, name(rnd)) : r < 35 ? hints(phone(rnd), null) : null;
                return new Planned(new InboundContact(Channel.CHAT, "chat-" + n, clock.instant(), who, null, topic[1],
                        new InboundContact.ChannelContext(null, topic[0], null), false, List.of()), deferred);
            }
            if (slot < 14) {
                boolean deferred = slot < 10;
                String choice = pick(rnd, deferred ? IVR_DEFERRED : IVR_IMMEDIATE);
                InboundContact.CitizenHints who = r < 10 ? new InboundContact.CitizenHints("CC", cedula(rnd), phone(rnd), null, null,
                        null) : r < 80 ? hints(phone(rnd), null) : null;
                return new Planned(new InboundContact(Channel.VOICE, "1764072000." + n, clock.instant(), who, null, "",
                        new InboundContact.ChannelContext(choice, null, null), false, List.of()), deferred);
            }
            if (slot < 17) {
                String[] mail = pick(rnd, EMAILS);
                String name = name(rnd);
                InboundContact.CitizenHints who = r < 20 ? new InboundContact.CitizenHints("CC", cedula(rnd), null, email(rnd), null, name)
                        : new InboundContact.CitizenHints(null, null, null, email(rnd), null, name);
                String messageId = "<" + Long.toHexString(rnd.nextLong()) + "." + n + "@mail.example.org>";
                return new Planned(new InboundContact(Channel.EMAIL, messageId, clock.instant(), who, mail[0],
                        mail[1] + "\n\nCordialmente,\n" + name, null, false, List.of()), true);
            }
            String[] report = pick(rnd, OPEN311);
            InboundContact.CitizenHints who = r < 30 ? hints(null, email(rnd)) : r < 50 ? hints(phone(rnd), null) : null;
            return new Planned(new InboundContact(Channel.OPEN311, "o311-" + n, clock.instant(), who, null, report[1],
                    new InboundContact.ChannelContext(null, null, report[0]), false, List.of()), true);
        }

        private static InboundContact.CitizenHints hints(String phone, String email) {
            return new InboundContact.CitizenHints(null, null, phone, email, null, null);
        }

        private static <T> T pick(SplittableRandom rnd, T[] values) {
            return values[rnd.nextInt(values.length)];
        }

        /** A valid Colombian mobile from the pool, written as people write it. */
        private static String phone(SplittableRandom rnd) {
            int k = rnd.nextInt(PHONES);
            String prefix = PREFIXES[k % PREFIXES.length];
            String subscriber = String.valueOf(2_000_000 + (k * 7_919L) % 7_000_000);
            return switch (k % 3) {
                case 0 -> "+57 " + prefix + " " + subscriber.substring(0, 3) + " " + subscriber.substring(3);
                case 1 -> prefix + subscriber;
                default -> prefix + " " + subscriber.substring(0, 3) + " " + subscriber.substring(3);
            };
        }

        /** A cédula from the pool: 10 digits (issued since 2004) or 8 (older), sometimes written with dots. */
        private static String cedula(SplittableRandom rnd) {
            int k = rnd.nextInt(CEDULAS);
            String digits = k % 2 == 0 ? String.valueOf(1_000_000_000L + k * 104_729L) : String.valueOf(52_000_000L + k * 3_571L);
            if (k % 3 != 0) {
                return digits;
            }
            StringBuilder dotted = new StringBuilder(digits);
            for (int i = digits.length() - 3; i > 0; i -= 3) {
                dotted.insert(i, '.');
            }
            return dotted.toString();
        }

        private static String email(SplittableRandom rnd) {
            int k = rnd.nextInt(MAILS);
            return MAIL_USER[k % MAIL_USER.length] + k + "@" + MAIL_DOMAIN[k % MAIL_DOMAIN.length];
        }

        private static String name(SplittableRandom rnd) {
            return pick(rnd, FIRST) + " " + pick(rnd, LAST) + " " + pick(rnd, LAST);
        }
    }
}
