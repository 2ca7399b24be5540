package org.ventanilla.core.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.testing.TestServices;

/**
 * Two JVMs keep the same lease on the real Redis; the leader is killed with SIGKILL (no release, no shutdown
 * hook) and the other must take over once the lease lapses in Redis.
 */
class LeaseTakeoverIT {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseTakeoverIT.class);
    private static final Duration TTL = Duration.ofSeconds(2);
    private static final Duration TAKEOVER_MARGIN = Duration.ofSeconds(3);

    @BeforeAll
    static void redisIsRunning() {
        TestServices.requireRedis();
    }

    @Test
    void whenTheLeaderIsKilledTheOtherNodeTakesOverWithinTheTtl() throws Exception {
        String prefix = TestServices.uniquePrefix();
        Node bogota = Node.start(prefix, "nodo-bogota-1");
        Node medellin = Node.start(prefix, "nodo-medellin-2");
        try {
            await("both JVMs started").atMost(Duration.ofSeconds(60)).until(() -> bogota.said("READY") && medellin.said("READY"));

            await("a leader").atMost(TTL.plusSeconds(5)).until(() -> bogota.said("LEADER") || medellin.said("LEADER"));
            await("exactly one leader for 1.5 ttl").during(TTL.multipliedBy(3).dividedBy(2)).atMost(TTL.multipliedBy(2))
                    .until(() -> bogota.count("LEADER") + medellin.count("LEADER") == 1);
            Node leader = bogota.said("LEADER") ? bogota : medellin;
            Node follower = leader == bogota ? medellin : bogota;

            long killedAt = System.nanoTime();
            leader.process.destroyForcibly();
            assertThat(leader.process.waitFor(10, TimeUnit.SECONDS)).as("killed JVM exited").isTrue();

            await("takeover by " + follower.name).atMost(TTL.plus(TAKEOVER_MARGIN)).until(() -> follower.said("LEADER"));
            long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
            LOG.info("{} took over {} ms after {} was killed (ttl {} ms)", follower.name, takeoverMillis, leader.name, TTL.toMillis());
            assertThat(follower.count("LEADER")).isEqualTo(1);
            assertThat(leader.count("LOST")).as("a SIGKILLed JVM runs no callback").isZero();
        } finally {
            bogota.stop();
            medellin.stop();
        }
    }

    /** One child JVM running {@link LeaseKeeperMain}, with the lines it printed. */
    private static final class Node {
        private final String name;
        private final Process process;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        private Node(String name, Process process) {
            this.name = name;
            this.process = process;
        }

        static Node start(String prefix, String name) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx96m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    LeaseKeeperMain.class.getName(), TestServices.redisUri(), prefix, "outbox-relay", name,
                    Long.toString(TTL.toMillis()))
                    .redirectErrorStream(true)
                    .start();
            Node node = new Node(name, process);
            Thread reader = new Thread(node::readOutput, "lease-takeover-" + name);
            reader.setDaemon(true);
            reader.start();
            return node;
        }

        private void readOutput() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The process was killed: its output simply ends.
            }
        }

        boolean said(String word) {
            return count(word) > 0;
        }

        long count(String word) {
            return lines.stream().filter((word + " " + name)::equals).count();
        }

        void stop() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                LOG.warn("child JVM {} did not exit", name);
            }
            if (!said("READY")) {
                LOG.warn("child JVM {} never got ready; its output: {}", name, lines);
            }
        }
    }
}
