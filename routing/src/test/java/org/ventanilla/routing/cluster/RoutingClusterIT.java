package org.ventanilla.routing.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.testing.TestServices;

/**
 * Three routing nodes, each a JVM of its own, on one Redis in real time: 10,000 items and 200 agents with varied
 * skills, languages and capacities; one node is killed with SIGKILL mid-run. Every item is completed exactly once, no
 * agent ever holds more than its capacity, and nothing is lost: the dead node's offers come back through the sweep and
 * its agents are taken over by a surviving node.
 */
class RoutingClusterIT {

    private static final int NODES = 3;
    private static final int AGENTS = 200;
    private static final int ITEMS = 10_000;

    private final List<Process> nodes = new ArrayList<>();
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private RedisClient client;
    private Path logs;

    @AfterEach
    void stopNodes() throws IOException {
        if (logs != null) {
            // What the nodes printed, kept for a failure's diagnosis next to their logs.
            Files.write(logs.resolve("out.txt"), lines);
        }
        for (Process node : nodes) {
            node.destroyForcibly();
        }
        if (client != null) {
            client.shutdown();
        }
    }

    @Test
    void threeNodesCompleteEveryItemExactlyOnceWithinCapacityWhenOneIsKilledMidRun() throws Exception {
        TestServices.requireRedis();
        String prefix = TestServices.uniquePrefix();
        client = RedisClient.create(TestServices.redisUri());
        StatefulRedisConnection<String, String> connection = client.connect();
        RedisCommands<String, String> redis = connection.sync();
        logs = Files.createTempDirectory("routing-cluster");
        for (int node = 0; node < NODES; node++) {
            nodes.add(start(prefix, node, logs));
        }

        // Node 0 receives its contacts in one burst and dies once it has all of its share (so no contact it had not
        // received yet goes missing); the others receive theirs at a steady pace after the kill.
        Awaitility.await("node 0 enqueued its share").atMost(Duration.ofSeconds(40)).until(() -> count("ENQUEUED 0 ") == 1);
        Process victim = nodes.get(0);
        victim.destroyForcibly().waitFor();
        long completedAtKill = redis.xlen(prefix + "completions");
        // Only now do the other nodes receive their contacts: the kill is mid-run however slow the machine is.
        Files.createFile(logs.resolve("go"));

        Awaitility.await("every item completed (keys " + prefix + ")").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> redis.xlen(prefix + "completions") >= ITEMS && redis.zcard(prefix + "items") == 0);

        Map<String, Integer> completions = new HashMap<>();
        for (StreamMessage<String, String> message : redis.xrange(prefix + "completions", io.lettuce.core.Range.create("-", "+"))) {
            completions.merge(message.getBody().get("item"), 1, Integer::sum);
        }
        Map<String, Integer> assigned = tally("ASSIGNED ");
        Map<String, Integer> returned = tally("RETURNED ");
        assertThat(completedAtKill).as("the node died mid-run").isLessThan(ITEMS * 9 / 10);
        assertThat(completions).as("every item completed").hasSize(ITEMS);
        assertThat(completions.values()).as("each exactly once").containsOnly(1);
        assertThat(redis.get(prefix + "violations")).as("capacity breaches seen by the script").isNull();
        assertThat(lines).as("capacity breaches seen by the nodes").noneMatch(line -> line.startsWith("OVER "));
        assertThat(assigned.keySet()).as("every item was offered").hasSize(ITEMS);
        assigned.forEach((item, times) -> assertThat(times).as("offers of " + item + " beyond the ones given back")
                .isLessThanOrEqualTo(1 + returned.getOrDefault(item, 0)));
        assertThat(count("ADOPTED ")).as("the dead node's agents were taken over").isGreaterThan(0);
        connection.close();
    }

    private Process start(String prefix, int node, Path logs) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                RoutingNodeMain.class.getName(), TestServices.redisUri(), prefix, Integer.toString(node), Integer.toString(NODES),
                Integer.toString(AGENTS), Integer.toString(ITEMS), "20250304", node == 0 ? "20" : "3",
                node == 0 ? "" : logs.resolve("go").toString());
        builder.redirectError(logs.resolve("node-" + node + ".log").toFile());
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The node was killed: what it printed before is kept.
            }
        }, "node-" + node + "-out");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private long count(String kind) {
        return lines.stream().filter(line -> line.startsWith(kind)).count();
    }

    private Map<String, Integer> tally(String kind) {
        Map<String, Integer> byItem = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith(kind)) {
                byItem.merge(line.split(" ")[1], 1, Integer::sum);
            }
        }
        return byItem;
    }
}
