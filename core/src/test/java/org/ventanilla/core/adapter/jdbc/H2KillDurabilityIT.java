package org.ventanilla.core.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.port.OutboxEvent;
import org.ventanilla.core.port.StoredRecord;

/**
 * An acknowledged commit survives kill -9: a child JVM commits in a loop and prints each acknowledged id; the
 * test kills it with SIGKILL at an arbitrary moment (three times, on the same file), reopens the store and finds
 * every acknowledged record, its key and its outbox event, and a sequence that never goes back.
 */
class H2KillDurabilityIT {

    private static final int WRITERS = 4;
    private static final int ACKS_BEFORE_KILL = 400;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedCommitSurvivesKillDashNine() throws Exception {
        Map<String, Long> acked = new ConcurrentHashMap<>();
        for (int run = 0; run < 3; run++) {
            killAfterSomeAcks("run" + run, acked);
        }

        try (JdbcRecordStore store = JdbcRecordStore.create(JdbcSettings.h2File(dir))) {
            Map<String, Long> missing = new HashMap<>();
            store.inTransaction(tx -> {
                for (Map.Entry<String, Long> ack : acked.entrySet()) {
                    boolean recordThere = tx.get("case", ack.getKey()).map(StoredRecord::json)
                            .filter(json -> json.contains("\"radicado\":\"2026-" + ack.getValue() + "\"")).isPresent();
                    boolean keyThere = tx.findByKey("radicado", "2026-" + ack.getValue()).filter(ack.getKey()::equals).isPresent();
                    if (!recordThere || !keyThere) {
                        missing.put(ack.getKey(), ack.getValue());
                    }
                }
                return null;
            });
            List<OutboxEvent> events = store.unpublishedEvents(10_000);
            Map<String, Long> eventsPerCase = events.stream()
                    .collect(Collectors.groupingBy(OutboxEvent::aggregateId, Collectors.counting()));
            long highestAcked = acked.values().stream().mapToLong(Long::longValue).max().orElseThrow();

            assertThat(acked).hasSizeGreaterThanOrEqualTo(3 * ACKS_BEFORE_KILL);
            assertThat(missing.size()).as("acknowledged commits lost by kill -9 (of %d), for example %s", acked.size(),
                    missing.keySet().stream().sorted().limit(5).collect(Collectors.toList())).isZero();
            assertThat(acked.keySet()).allSatisfy(id -> assertThat(eventsPerCase.get(id)).as("events of " + id).isEqualTo(1L));
            assertThat(store.nextInSequence("radicado")).isGreaterThan(highestAcked);
        }
    }

    private void killAfterSomeAcks(String run, Map<String, Long> acked) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                H2DurabilityChild.class.getName(), dir.toString(), String.valueOf(WRITERS), run);
        builder.redirectError(dir.resolve(run + ".stderr.txt").toFile());
        Process child = builder.start();
        AtomicInteger ackedThisRun = new AtomicInteger();
        Thread reader = new Thread(() -> readAcks(child, acked, ackedThisRun), "acks-" + run);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> ackedThisRun.get() >= ACKS_BEFORE_KILL || !child.isAlive());
            assertThat(child.isAlive()).as("child still writing (see " + run + ".stderr.txt)").isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }
        // SIGKILL: the JVM ran no shutdown hook and H2 had no chance to close the file.
        assertThat(child.exitValue()).isEqualTo(137);
    }

    private static void readAcks(Process child, Map<String, Long> acked, AtomicInteger count) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.split(" ");
                // A line cut short by the kill lacks its END: it was not acknowledged as a whole, so it does not count.
                if (parts.length == 4 && parts[0].equals("ACK") && parts[3].equals("END")) {
                    acked.put(parts[1], Long.parseLong(parts[2]));
                    count.incrementAndGet();
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // The pipe closes when the child dies.
        }
    }
}
