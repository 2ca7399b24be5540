package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValueScanCursor;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.ValueScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.testing.TestServices;
import org.ventanilla.routing.api.EnqueueRequest;

/**
 * Three Ventanilla server processes (the packaged jar, wired as in production: PostgreSQL records in one schema, routing's
 * live state in one Redis, the routing verticle with its lease, sweep and pulling of work) serve 10,000 contacts of
 * every live channel with 200 agents of varied skills, languages and capacities, in real time. Agents and contacts
 * reach routing only through its event-bus api, from a driver verticle inside each server (as the console and the
 * channels do). One process is killed with SIGKILL in the middle of its share of the contacts, with requests in
 * flight, offers made and work accepted: its agents reconnect through the two others, as their consoles would, and
 * finish what they had in hand; the contacts it never took are sent through the others, as a channel sends a contact
 * again when its node does not answer.
 *
 * <p>Every contact is completed exactly once, none is accepted twice, no agent is ever offered more than its capacity
 * (voice exclusive), nothing is left in routing, and the surviving nodes stay ready.
 *
 * <p>Routing's Redis key prefix is fixed in production, so the nodes use an otherwise empty Redis database (1 to 15) and
 * every agent, item and node id starts with this run's prefix: the assertions and the cleanup only look at those.
 */
class ServerClusterIT {

    private static final int NODES = 3;
    private static final int AGENTS = 200;
    private static final int ITEMS = 10_000;
    private static final long SEED = 20250304L;
    private static final int VICTIM = 0;
    private static final String ROUTING_PREFIX = Wiring.ROUTING_REDIS_PREFIX;
    private static final Duration START = Duration.ofSeconds(150);
    private static final Duration HALF_SHARE = Duration.ofSeconds(240);
    private static final Duration FINISH = Duration.ofSeconds(300);

    @TempDir
    Path dir;

    private final List<NodeProcess> nodes = new ArrayList<>();
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> redis;
    private ServerClusterPlan plan;
    private final Map<String, List<StreamMessage<String, String>>> completions = new HashMap<>();
    private String lastCompletion = "-";

    @AfterEach
    void stopNodesAndRemoveRoutingState() throws IOException {
        for (NodeProcess node : nodes) {
            node.process.destroyForcibly();
        }
        for (NodeProcess node : nodes) {
            node.keepOutput();
        }
        if (redis != null && plan != null) {
            removeOwnRoutingState();
        }
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown();
        }
    }

    @Test
    void threeServerNodesCompleteEveryContactExactlyOnceWithinCapacityWhenOneIsKilledMidRun() throws Exception {
        TestServices.requireRedis();
        long began = System.nanoTime();
        String redisUri = idleRedisDatabase();
        String url = TestServices.postgresUrlWithFreshSchema();
        // the schema is created once, before the three nodes start together on it
        JdbcRecordStore.create(new JdbcSettings(url, TestServices.postgresUser(), "", 2, Duration.ofSeconds(10)), Clock.systemUTC())
                .close();
        String run = UUID.randomUUID().toString().substring(0, 8);
        plan = new ServerClusterPlan(run, AGENTS, ITEMS, SEED);
        long offset = Duration.between(Instant.now(), ChatTwoProcessesIT.officeHoursInBogota()).toMillis();
        Path launcher = launcherClasses();
        for (int n = 0; n < NODES; n++) {
            nodes.add(start(n, run, redisUri, url, offset, launcher));
        }
        for (NodeProcess node : nodes) {
            node.awaitLine("SIGNED " + node.index, START);
        }
        long started = System.nanoTime();

        Files.createFile(dir.resolve("go"));
        NodeProcess victim = nodes.get(VICTIM);
        Set<String> victimShare = share(VICTIM);
        // killed in the middle of its share: contacts in flight, offers made, work accepted, contacts still to come
        await("node " + VICTIM + " sending half its share").atMost(HALF_SHARE).pollInterval(Duration.ofMillis(100))
                .failFast("node " + VICTIM + " exited", () -> !victim.process.isAlive())
                .until(() -> victim.count("ENQUEUED") >= victimShare.size() / 2);
        victim.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long killed = System.nanoTime();
        victim.reader.join(10_000);
        int completedAtKill = completions().size();
        Takeover takeover = takeover(victim, victimShare);
        for (Map.Entry<Integer, List<String>> entry : takeover.files().entrySet()) {
            Path file = dir.resolve("adopt-" + entry.getKey() + ".tmp");
            Files.write(file, entry.getValue(), StandardCharsets.UTF_8);
            Files.move(file, dir.resolve("adopt-" + entry.getKey()), StandardCopyOption.ATOMIC_MOVE);
        }

        try {
            await("every contact completed and routing holding none of them").atMost(FINISH).pollInterval(Duration.ofSeconds(1))
                    .failFast("a surviving node died", () -> nodes.stream().filter(n -> n != victim).anyMatch(n -> !n.process.isAlive()))
                    .until(() -> completions().size() == ITEMS && heldItems() == 0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("after " + FINISH.toSeconds() + " s, " + completions().size() + " of " + ITEMS
                    + " contacts completed and " + heldItems() + " still held by routing; refusals by node: "
                    + nodes.stream().map(n -> n.index + "=" + (n.count("REFUSED") + n.count("TAKEOVER-REFUSED"))).toList()
                    + " (see target/server-cluster-node-*.log)", e);
        }
        long finished = System.nanoTime();
        System.out.printf("ServerClusterIT: nodes up in %d s; node %d killed %d s into the run with %d of %d contacts completed, %d "
                + "in its agents' hands, %d in flight and found in routing, %d not taken and sent again through the others; all "
                + "completed %d s after the kill (%d s in all)%n",
                seconds(started - began), VICTIM, seconds(killed - started), completedAtKill, ITEMS, takeover.inHand(),
                takeover.inFlight().size(), takeover.resent(), seconds(finished - killed), seconds(finished - began));

        completions();
        List<String> lines = nodes.stream().flatMap(n -> n.lines.stream()).toList();
        Set<String> itemIds = plan.items.stream().map(EnqueueRequest::itemId).collect(Collectors.toSet());
        assertThat(lines).as("nodes that failed").noneMatch(line -> line.startsWith("FAILED "));
        assertThat(completedAtKill).as("completions when the node was killed (mid-run)").isBetween(1, ITEMS * 9 / 10);
        assertThat(takeover.inHand()).as("work the killed node's agents had in hand").isPositive();
        assertThat(takeover.resent()).as("contacts the killed node never took, sent again through the others").isPositive();
        List<String> enqueued = new ArrayList<>(words(lines, "ENQUEUED ", 1));
        enqueued.addAll(takeover.inFlight());
        assertThat(enqueued).as("contacts routing took (answered, or in flight to the killed node and found in routing)")
                .containsOnlyOnceElementsOf(itemIds).hasSize(ITEMS);
        assertThat(completions.keySet()).as("contacts completed").isEqualTo(itemIds);
        assertThat(completions.values()).as("contacts completed more than once").allMatch(times -> times.size() == 1);
        assertThat(count(words(lines, "ACCEPTED ", 1)).entrySet()).as("contacts accepted more than once")
                .noneMatch(e -> e.getValue() > 1);
        assertThat(redis.get(ROUTING_PREFIX + "violations")).as("capacity breaches the assignment script saw").isNull();
        assertThat(lines).as("offers beyond an agent's capacity, seen by the agents").noneMatch(line -> line.startsWith("OVER "));
        Set<String> victimAgents = victim.agents(plan);
        assertThat(new HashSet<>(words(lines, "ADOPTED ", 1))).as("the killed node's agents, taken over").isEqualTo(victimAgents);
        String victimNode = nodeId(run, VICTIM);
        assertThat(completions.values().stream().map(c -> c.get(0).getBody())
                .filter(c -> victimAgents.contains(c.get("agent")) && !victimNode.equals(c.get("node"))).count())
                .as("contacts completed by the killed node's agents through another node").isPositive();
        for (NodeProcess node : nodes) {
            if (node != victim) {
                assertThat(health(node.port)).as("readiness of node " + node.index + " after the kill").isEqualTo(200);
            }
        }
    }

    /** What the survivors are told after the kill, and what it counts. */
    private record Takeover(Map<Integer, List<String>> files, long inHand, Set<String> inFlight, long resent) {
    }

    /**
     * What follows the kill, in the survivors: the killed node's agents reconnect through them (as their consoles
     * would), half to each, with the work the killed node's output shows in their hands ({@code held}: accepted and
     * never sent to complete, so it surely holds a slot; {@code finish}: offered, or being completed, when the node
     * died, finished if routing still holds it); and the contacts the killed node never took reach them instead
     * ({@code resend}), as a channel sends a contact again when its node does not answer. Whether a contact sent to
     * the killed node but not answered reached routing, routing's state says (the node is dead: nothing more arrives).
     */
    private Takeover takeover(NodeProcess victim, Set<String> victimShare) {
        List<Integer> survivors = IntStream.range(0, NODES).filter(n -> n != VICTIM).boxed().toList();
        Map<String, Integer> adopter = new HashMap<>();
        Map<Integer, List<String>> files = new LinkedHashMap<>();
        survivors.forEach(n -> files.put(n, new ArrayList<>()));
        int next = 0;
        for (String agent : victim.agents(plan)) {
            int node = survivors.get(next++ % survivors.size());
            adopter.put(agent, node);
            files.get(node).add("agent " + agent);
        }
        Map<String, String[]> offered = new LinkedHashMap<>();
        Set<String> sending = new HashSet<>();
        Set<String> enqueued = new HashSet<>();
        Set<String> accepted = new HashSet<>();
        Set<String> completing = new HashSet<>();
        Set<String> done = new HashSet<>();
        Set<String> refused = new HashSet<>();
        for (String line : victim.lines) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "SENDING" -> sending.add(words[1]);
                case "ENQUEUED" -> enqueued.add(words[1]);
                case "OFFER" -> offered.put(words[1], words);
                case "ACCEPTED" -> accepted.add(words[1]);
                case "COMPLETING" -> completing.add(words[1]);
                case "DONE" -> done.add(words[1]);
                case "REFUSED" -> {
                    if (words[1].equals("accept")) {
                        refused.add(words[2]);
                    }
                }
                default -> {
                    // log lines and the other facts
                }
            }
        }
        long inHand = 0;
        for (Map.Entry<String, String[]> entry : offered.entrySet()) {
            String item = entry.getKey();
            String agent = entry.getValue()[2];
            if (done.contains(item) || refused.contains(item) && !accepted.contains(item)) {
                continue;
            }
            inHand++;
            List<String> file = files.get(adopter.get(agent));
            if (accepted.contains(item) && !completing.contains(item)) {
                file.add("held " + item + " " + agent + " " + entry.getValue()[3]);
            } else {
                file.add("finish " + item + " " + agent);
            }
        }
        Set<String> inFlight = new HashSet<>();
        Map<String, List<StreamMessage<String, String>>> completed = completions();
        long resent = 0;
        for (String item : victimShare) {
            if (enqueued.contains(item)) {
                continue;
            }
            if (sending.contains(item) && (redis.exists(ROUTING_PREFIX + "i:" + item) > 0 || completed.containsKey(item))) {
                inFlight.add(item);
                continue;
            }
            files.get(survivors.get(next++ % survivors.size())).add("resend " + item);
            resent++;
        }
        return new Takeover(files, inHand, inFlight, resent);
    }

    /** The contacts a node sends at the start. */
    private Set<String> share(int node) {
        Set<String> share = new HashSet<>();
        for (int i = 0; i < plan.items.size(); i++) {
            if (ServerClusterPlan.nodeOf(i, NODES) == node) {
                share.add(plan.items.get(i).itemId());
            }
        }
        return share;
    }

    /** This run's completions in the {@code completions} stream, by item; read on from the last entry read. */
    private Map<String, List<StreamMessage<String, String>>> completions() {
        List<StreamMessage<String, String>> page = redis.xrange(ROUTING_PREFIX + "completions", Range.create(lastCompletion, "+"));
        for (StreamMessage<String, String> message : page) {
            String item = message.getBody().get("item");
            if (!message.getId().equals(lastCompletion) && item != null && item.startsWith(plan.prefix)) {
                completions.computeIfAbsent(item, i -> new ArrayList<>()).add(message);
            }
        }
        if (!page.isEmpty()) {
            lastCompletion = page.get(page.size() - 1).getId();
        }
        return completions;
    }

    /** How many of this run's items routing still holds, in any status. */
    private int heldItems() {
        int held = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            ScoredValueScanCursor<String> page = redis.zscan(ROUTING_PREFIX + "items", cursor,
                    ScanArgs.Builder.matches(plan.prefix + "*").limit(1000));
            held += page.getValues().size();
            cursor = page;
        } while (!cursor.isFinished());
        return held;
    }

    /**
     * A Redis database (1 to 15) where no routing runs now: it holds no key, or only the queue definitions, sequence
     * and empty completion stream a finished run leaves; one at random when there is none. Its URI.
     */
    private String idleRedisDatabase() {
        client = RedisClient.create(TestServices.redisUri());
        connection = client.connect();
        redis = connection.sync();
        List<Integer> databases = IntStream.rangeClosed(1, 15).boxed().collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(databases);
        int chosen = databases.get(0);
        for (int database : databases) {
            redis.select(database);
            if (redis.dbsize() <= 20 && redis.keys("*").stream().allMatch(key -> key.startsWith(ROUTING_PREFIX + "q:")
                    || key.equals(ROUTING_PREFIX + "seq") || key.equals(ROUTING_PREFIX + "completions")
                    && redis.xlen(key) == 0)) {
                chosen = database;
                break;
            }
        }
        redis.select(chosen);
        return TestServices.redisUri() + "/" + chosen;
    }

    private static String nodeId(String run, int node) {
        return "sc-" + run + "-nodo-" + node;
    }

    private NodeProcess start(int node, String run, String redisUri, String url, long offsetMillis, Path launcher) throws IOException {
        if (!Files.isRegularFile(ChildJvm.JAR)) {
            throw new IllegalStateException(ChildJvm.JAR.toAbsolutePath() + " is missing: run the integration tests with mvn verify,"
                    + " which packages the server jar first");
        }
        Path work = Files.createDirectories(dir.resolve("node-" + node));
        int port = ChildJvm.freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-D" + ChatTwoProcessesIT.OFFSET_PROPERTY + "=" + offsetMillis,
                "-D" + ServerClusterNode.RUN_PROPERTY + "=" + run,
                "-D" + ServerClusterNode.NODE_PROPERTY + "=" + node,
                "-D" + ServerClusterNode.NODES_PROPERTY + "=" + NODES,
                "-D" + ServerClusterNode.AGENTS_PROPERTY + "=" + AGENTS,
                "-D" + ServerClusterNode.ITEMS_PROPERTY + "=" + ITEMS,
                "-D" + ServerClusterNode.SEED_PROPERTY + "=" + SEED,
                "-D" + ServerClusterNode.DIR_PROPERTY + "=" + dir.toAbsolutePath(),
                "-cp", ChildJvm.JAR.toAbsolutePath() + File.pathSeparator + launcher.toAbsolutePath(), ServerClusterNode.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("VENTANILLA_"));
        builder.environment().put("VENTANILLA_NODE_ID", nodeId(run, node));
        builder.environment().put("VENTANILLA_HTTP_HOST", "127.0.0.1");
        builder.environment().put("VENTANILLA_HTTP_PORT", String.valueOf(port));
        builder.environment().put("VENTANILLA_DATABASE_KIND", "postgres");
        builder.environment().put("VENTANILLA_DATABASE_URL", url);
        builder.environment().put("VENTANILLA_DATABASE_USER", TestServices.postgresUser());
        builder.environment().put("VENTANILLA_STATE_KIND", "redis");
        builder.environment().put("VENTANILLA_REDIS_URI", redisUri);
        builder.environment().put("VENTANILLA_LOG_FORMAT", "text");
        builder.environment().put("VENTANILLA_ATTACHMENTS_DIRECTORY", work.resolve("attachments").toString());
        return new NodeProcess(node, port, builder.start());
    }

    /** A folder holding only the classes of {@link ServerClusterNode} and its plan, put after the server jar on the class path. */
    private Path launcherClasses() throws IOException {
        Path source = Path.of(ServerClusterNode.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .resolve(ServerClusterNode.class.getPackageName().replace('.', '/'));
        Path target = Files.createDirectories(dir.resolve("launcher").resolve(ServerClusterNode.class.getPackageName().replace('.', '/')));
        try (DirectoryStream<Path> classes = Files.newDirectoryStream(source, "{ServerClusterNode,ServerClusterPlan}*.class")) {
            for (Path file : classes) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return dir.resolve("launcher");
    }

    private static int health(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Removes what this run left under routing's prefix: its keys, its members of shared sets, its completions. */
    private void removeOwnRoutingState() {
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(ROUTING_PREFIX + "*").limit(1000));
            for (String key : page.getKeys()) {
                if (key.contains(plan.prefix)) {
                    redis.del(key);
                    continue;
                }
                switch (redis.type(key)) {
                    case "set" -> removeMembers(key, false);
                    case "zset" -> removeMembers(key, true);
                    case "stream" -> {
                        for (StreamMessage<String, String> m : redis.xrange(key, Range.create("-", "+"))) {
                            if (m.getBody().values().stream().anyMatch(v -> v.startsWith(plan.prefix))) {
                                redis.xdel(key, m.getId());
                            }
                        }
                    }
                    default -> {
                        // strings and hashes of shared keys hold nothing of this run
                    }
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    private void removeMembers(String key, boolean sorted) {
        List<String> members = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        ScanArgs mine = ScanArgs.Builder.matches(plan.prefix + "*").limit(1000);
        do {
            if (sorted) {
                ScoredValueScanCursor<String> page = redis.zscan(key, cursor, mine);
                page.getValues().forEach(v -> members.add(v.getValue()));
                cursor = page;
            } else {
                ValueScanCursor<String> page = redis.sscan(key, cursor, mine);
                members.addAll(page.getValues());
                cursor = page;
            }
        } while (!cursor.isFinished());
        if (!members.isEmpty()) {
            String[] all = members.toArray(new String[0]);
            if (sorted) {
                redis.zrem(key, all);
            } else {
                redis.srem(key, all);
            }
        }
    }

    private static List<String> words(List<String> lines, String kind, int word) {
        return lines.stream().filter(line -> line.startsWith(kind)).map(line -> line.split(" ")[word]).toList();
    }

    private static Map<String, Integer> count(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts;
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos);
    }

    /** A server process of the test: its output lines (the driver's facts and the server's log). */
    private static final class NodeProcess {
        private final int index;
        private final int port;
        private final Process process;
        private final Queue<String> lines = new ConcurrentLinkedQueue<>();
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        private final Thread reader;

        NodeProcess(int index, int port, Process process) {
            this.index = index;
            this.port = port;
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                        int space = line.indexOf(' ');
                        counts.computeIfAbsent(space < 0 ? line : line.substring(0, space), word -> new LongAdder()).increment();
                    }
                } catch (IOException ignored) {
                    // the process ended: what it printed before is kept
                }
            }, "server-cluster-node-" + index);
            reader.setDaemon(true);
            reader.start();
        }

        void awaitLine(String start, Duration timeout) {
            await("node " + index + " printing '" + start + "'").atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .failFast("node " + index + " exited; see target/server-cluster-node-" + index + ".log", () -> !process.isAlive())
                    .until(() -> lines.stream().anyMatch(line -> line.startsWith(start)));
        }

        /** How many lines the node printed that start with {@code word} and a space. */
        long count(String word) {
            LongAdder count = counts.get(word);
            return count == null ? 0 : count.sum();
        }

        /** The agents this node signs in at the start: its share of the plan. */
        Set<String> agents(ServerClusterPlan plan) {
            Set<String> agents = new HashSet<>();
            for (int i = 0; i < plan.agents.size(); i++) {
                if (ServerClusterPlan.nodeOf(i, NODES) == index) {
                    agents.add(plan.agents.get(i).id());
                }
            }
            return agents;
        }

        void keepOutput() throws IOException {
            // for a diagnosis when the test fails
            Files.write(Path.of("target", "server-cluster-node-" + index + ".log"), lines, StandardCharsets.UTF_8);
        }
    }
}
