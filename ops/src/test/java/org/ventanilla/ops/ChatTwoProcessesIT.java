package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.domain.calendar.BusinessCalendar;
import org.ventanilla.core.domain.users.AgentProfile;
import org.ventanilla.core.domain.users.ChannelCapacity;
import org.ventanilla.core.domain.users.PasswordHasher;
import org.ventanilla.core.domain.users.Role;
import org.ventanilla.core.domain.users.User;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.store.UserDirectory;
import org.ventanilla.core.testing.TestServices;

/**
 * Two server processes on one PostgreSQL schema and one Redis, routing's live state shared there: the citizen's
 * WebSocket on node A, the agent's (signed in through the console's sign-in on node B) on node B. The offer reaches
 * the agent across the nodes, and the conversation, a burst of 20 citizen messages included, arrives once each and
 * in the chat's order on both sides.
 *
 * <p>Each child JVM runs the packaged server ({@code target/ventanilla.jar}) through {@link Main#run}, as {@code java
 * -jar} does, but with its clock shifted to 10:00 in Bogotá on the last Colombian business day before today: the demo
 * catalog's opening hours are in America/Bogota whatever {@code entity.timeZone} says, and a chat out of hours becomes
 * a case instead of reaching an agent. The clock runs; both nodes share the same shift.
 */
class ChatTwoProcessesIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final String PASSWORD = "Clave-Agente-Dos-Nodos-2025";
    static final String OFFSET_PROPERTY = "ventanilla.test.clockOffsetMillis";
    private static final String ROUTING_PREFIX = "ventanilla:routing:";
    private static final int BURST = 20;

    @TempDir
    Path dir;

    private final List<ServerProcess> nodes = new ArrayList<>();
    private final Set<String> redisNames = ConcurrentHashMap.newKeySet();
    private Vertx vertx;
    private String redisUri;

    @AfterEach
    void stopEverything() {
        if (vertx != null) {
            vertx.close().await();
        }
        nodes.forEach(ServerProcess::close);
        if (redisUri != null) {
            removeOwnRoutingState();
        }
    }

    @Test
    void aCitizenOnNodeAAndAnAgentOnNodeBConverseWithEveryMessageOnceAndInOrderOnBothSides() throws Exception {
        TestServices.requireRedis();
        String url = TestServices.postgresUrlWithFreshSchema();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String agentId = "agente-dos-nodos-" + suffix;
        String username = "agente." + suffix;
        createAgent(url, agentId, username);
        // a Redis database other than 0, so that routing's fixed key prefix is not shared with other tests' nodes
        redisUri = TestServices.redisUri() + "/" + (1 + new SecureRandom().nextInt(15));
        redisNames.add(agentId);
        long offset = Duration.between(Instant.now(), officeHoursInBogota()).toMillis();
        Path launcher = launcherClasses();
        int portA = ChildJvm.freePort();
        int portB = ChildJvm.freePort();
        String nodeA = "nodo-a-" + suffix;
        String nodeB = "nodo-b-" + suffix;
        redisNames.add(nodeA);
        redisNames.add(nodeB);
        ServerProcess a = start(launcher, offset, env(url, portA, nodeA));
        ServerProcess b = start(launcher, offset, env(url, portB, nodeB));
        a.awaitOutLine(line -> line.startsWith("Ventanilla is ready"));
        b.awaitOutLine(line -> line.startsWith("Ventanilla is ready"));
        vertx = Vertx.vertx();

        Frames agent = connect(portB, "/chat/agent/ws");
        agent.send(new JsonObject().put("type", "auth").put("token", signIn(portB, username)));
        assertThat(agent.await(f -> "ready".equals(f.getString("type"))).getString("agentId")).isEqualTo(agentId);

        Frames citizen = connect(portA, "/chat/ws");
        citizen.send(new JsonObject().put("type", "start").put("consent", true).put("topic", "estado-cuenta-predial"));
        JsonObject started = citizen.await(f -> "started".equals(f.getString("type")));
        assertThat(started.getBoolean("open")).as("the chat is open at 10:00 in Bogotá on a business day").isTrue();
        String chatId = started.getString("chatId");
        citizen.send(new JsonObject().put("type", "msg").put("cid", "c-0").put("text", "Quiero saber cuánto debo del impuesto predial"));
        citizen.await(f -> "msg".equals(f.getString("type")) && ("self-service".equals(f.getString("kind"))
                || "waiting".equals(f.getString("kind"))));
        if (citizen.any(f -> "self-service".equals(f.getString("kind")))) {
            citizen.send(new JsonObject().put("type", "solved").put("answer", false));
        }

        // the agent signed on at node B before the citizen arrived at node A: node A queues the chat, and node B's
        // idle agent pulls it (only the agent's node offers it, through the shared live state in Redis)
        citizen.await(f -> "waiting".equals(f.getString("kind")));
        JsonObject offer = agent.await(f -> "offer".equals(f.getString("type")));
        assertThat(offer.getString("chatId")).isEqualTo(chatId);
        assertThat(offer.getString("queue")).isEqualTo("impuestos");
        redisNames.add(offer.getString("itemId"));
        agent.send(new JsonObject().put("type", "accept").put("chatId", chatId));
        agent.await(f -> "joined".equals(f.getString("type")));
        citizen.await(f -> "agent-joined".equals(f.getString("kind")));

        Map<String, JsonObject> citizenSends = new LinkedHashMap<>();
        Map<String, JsonObject> agentSends = new LinkedHashMap<>();
        for (int i = 1; i <= BURST; i++) {
            citizenSends.put("c-" + i, new JsonObject().put("type", "msg").put("cid", "c-" + i).put("text", "ciudadano " + i));
        }
        for (int i = 1; i <= 5; i++) {
            agentSends.put("a-" + i, new JsonObject().put("type", "msg").put("chatId", chatId).put("cid", "a-" + i)
                    .put("text", "agente " + i));
        }
        // the burst, interleaved with the agent's replies; frames the per-session rate limit refuses (error with the
        // cid as ref) are sent again with the same cid, as the widget does
        for (int i = 1; i <= BURST; i++) {
            citizen.send(citizenSends.get("c-" + i));
            if (i % 4 == 0) {
                agent.send(agentSends.get("a-" + i / 4));
            }
        }
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> citizen.resendRefused(citizenSends)
                & agent.resendRefused(agentSends));
        citizen.await(f -> "agente 5".equals(f.getString("text")));
        agent.await(f -> ("ciudadano " + BURST).equals(f.getString("text")));
        agent.send(new JsonObject().put("type", "msg").put("chatId", chatId).put("cid", "a-final").put("text", "¿Algo más?"));
        citizen.send(new JsonObject().put("type", "msg").put("cid", "c-final").put("text", "Nada más, gracias"));
        await().atMost(WAIT).until(() -> citizen.hasText("¿Algo más?") && citizen.hasText("Nada más, gracias")
                && agent.hasText("¿Algo más?") && agent.hasText("Nada más, gracias"));

        for (Frames side : List.of(citizen, agent)) {
            List<Long> seqs = side.messages().stream().map(f -> f.getLong("seq")).toList();
            assertThat(seqs).as("the chat's places 1..n, each once, in order").isEqualTo(LongStream.rangeClosed(1, seqs.size())
                    .boxed().toList());
            assertThat(side.errors()).as("only refusals of the rate limit").allMatch(e -> "LIMIT_EXCEEDED".equals(e.getString("code")));
        }
        assertThat(texts(agent)).as("both sides see one conversation").isEqualTo(texts(citizen));
        List<String> written = texts(agent).stream().filter(t -> t.startsWith("ciudadano ") || t.startsWith("agente ")).toList();
        assertThat(written).hasSize(BURST + 5).doesNotHaveDuplicates();
        // Messages taken at their first sending keep the order they were sent in (one socket, stored in order);
        // one the rate limit refused is stored where its resending lands, as the widget's resend does too.
        for (Map.Entry<Frames, Map<String, JsonObject>> side : Map.of(citizen, citizenSends, agent, agentSends).entrySet()) {
            Set<String> refused = new HashSet<>();
            side.getKey().errors().forEach(e -> refused.add(e.getString("ref")));
            List<String> firstTry = side.getValue().entrySet().stream().filter(e -> !refused.contains(e.getKey()))
                    .map(e -> e.getValue().getString("text")).toList();
            assertThat(written).as("messages taken at the first sending, in sending order").containsSubsequence(firstTry);
        }
        for (Frames[] senderAndReader : List.of(new Frames[] {citizen, agent}, new Frames[] {agent, citizen})) {
            Frames sender = senderAndReader[0];
            Map<Long, String> readerTexts = new HashMap<>();
            senderAndReader[1].messages().forEach(m -> readerTexts.put(m.getLong("seq"), m.getString("text")));
            Map<String, Long> acked = new HashMap<>();
            sender.received.stream().filter(f -> "ack".equals(f.getString("type"))).forEach(f -> {
                assertThat(acked.putIfAbsent(f.getString("cid"), f.getLong("seq"))).as("one place per cid").isIn(null, f.getLong("seq"));
            });
            assertThat(acked.keySet()).as("every message acknowledged").isEqualTo(sender.texts.keySet());
            acked.forEach((cid, seq) -> assertThat(readerTexts.get(seq)).as("the other side's message at the place acknowledged for "
                    + cid).isEqualTo(sender.texts.get(cid)));
        }

        agent.send(new JsonObject().put("type", "end").put("chatId", chatId));
        citizen.await(f -> "ended".equals(f.getString("kind")));
    }

    /** 10:00 in Bogotá on the last Colombian business day before today: the demo catalog's queues are open then. */
    static Instant officeHoursInBogota() {
        BusinessCalendar calendar = BusinessCalendar.colombia(Clock.systemUTC());
        LocalDate day = LocalDate.now(BOGOTA).minusDays(1);
        while (!calendar.isBusinessDay(day)) {
            day = day.minusDays(1);
        }
        return day.atTime(LocalTime.of(10, 0)).atZone(BOGOTA).toInstant();
    }

    private static void createAgent(String url, String agentId, String username) {
        try (RecordStore records = JdbcRecordStore.create(new JdbcSettings(url, TestServices.postgresUser(), "", 4,
                Duration.ofSeconds(5)))) {
            UserDirectory users = new UserDirectory(records, PasswordHasher.createDefault());
            users.create(new User(agentId, username, "Agente Dos Nodos", Set.of(Role.AGENT),
                    users.hasher().hash(PASSWORD.toCharArray()), null, true));
            users.saveProfile(new AgentProfile(agentId, Map.of("impuestos", 3), List.of("es"), Set.of("impuestos", "general"),
                    new ChannelCapacity(0, 3, 0, false)));
        }
    }

    private Map<String, String> env(String url, int port, String nodeId) {
        Map<String, String> env = new HashMap<>();
        env.put("VENTANILLA_NODE_ID", nodeId);
        env.put("VENTANILLA_HTTP_HOST", "127.0.0.1");
        env.put("VENTANILLA_HTTP_PORT", String.valueOf(port));
        env.put("VENTANILLA_DATABASE_KIND", "postgres");
        env.put("VENTANILLA_DATABASE_URL", url);
        env.put("VENTANILLA_DATABASE_USER", TestServices.postgresUser());
        env.put("VENTANILLA_STATE_KIND", "redis");
        env.put("VENTANILLA_REDIS_URI", redisUri);
        env.put("VENTANILLA_LOG_FORMAT", "text");
        env.put("VENTANILLA_ATTACHMENTS_DIRECTORY", dir.resolve(nodeId).resolve("attachments").toString());
        return env;
    }

    /** A folder holding only {@link ShiftedClockMain}, put after the server jar on the child's class path. */
    private Path launcherClasses() throws IOException {
        String name = ShiftedClockMain.class.getName().replace('.', '/') + ".class";
        Path target = dir.resolve("launcher").resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = ChatTwoProcessesIT.class.getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, target);
        }
        return dir.resolve("launcher");
    }

    private ServerProcess start(Path launcher, long offsetMillis, Map<String, String> env) throws IOException {
        if (!Files.isRegularFile(ChildJvm.JAR)) {
            throw new IllegalStateException(ChildJvm.JAR.toAbsolutePath() + " is missing: run the integration tests with mvn verify");
        }
        Path work = Files.createDirectories(dir.resolve(env.get("VENTANILLA_NODE_ID")));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-D" + OFFSET_PROPERTY + "=" + offsetMillis, "-cp",
                ChildJvm.JAR.toAbsolutePath() + java.io.File.pathSeparator + launcher.toAbsolutePath(), ShiftedClockMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(n -> n.startsWith("VENTANILLA_"));
        builder.environment().putAll(env);
        ServerProcess node = new ServerProcess(builder.start());
        nodes.add(node);
        return node;
    }

    private static String signIn(int port, String username) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/console/api/sign-in")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", username).put("password", PASSWORD)
                        .encode())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("sign-in").isEqualTo(200);
        return new JsonObject(r.body()).getString("token");
    }

    private Frames connect(int port, String path) throws Exception {
        Frames frames = new Frames();
        WebSocket ws = null;
        // A client reconnects when an upgrade is cut (seen once right after a node started; see the closing notes):
        // up to three tries, the last failure is thrown.
        for (int attempt = 1; ws == null; attempt++) {
            try {
                ws = vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                        .setURI(path).addHeader("Origin", "http://127.0.0.1:" + port)).await(10, TimeUnit.SECONDS);
            } catch (io.netty.handler.codec.http.websocketx.WebSocketHandshakeException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        WebSocket socket = ws;
        socket.textMessageHandler(t -> frames.received.add(new JsonObject(t)));
        socket.closeHandler(v -> frames.received.add(new JsonObject().put("type", "closed").put("code", socket.closeStatusCode())
                .put("reason", socket.closeReason())));
        frames.ws = socket;
        return frames;
    }

    private static List<String> texts(Frames side) {
        return side.messages().stream().map(m -> m.getString("text")).toList();
    }

    /** Removes what this test's agent, item and nodes left under routing's prefix in its Redis database. */
    private void removeOwnRoutingState() {
        RedisClient client = RedisClient.create(redisUri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            String[] members = redisNames.toArray(new String[0]);
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(ROUTING_PREFIX + "*").limit(500));
                for (String key : page.getKeys()) {
                    if (redisNames.stream().anyMatch(key::contains)) {
                        redis.del(key);
                        continue;
                    }
                    switch (redis.type(key)) {
                        case "set" -> redis.srem(key, members);
                        case "zset" -> redis.zrem(key, members);
                        case "hash" -> redis.hdel(key, members);
                        default -> {
                            // strings and streams hold no member of this test
                        }
                    }
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
    }

    /** A server child JVM: its stdout and stderr lines. */
    private static final class ServerProcess implements AutoCloseable {
        private final Process process;
        private final List<String> out = new CopyOnWriteArrayList<>();

        ServerProcess(Process process) {
            this.process = process;
            Thread pump = new Thread(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        out.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "server-output");
            pump.setDaemon(true);
            pump.start();
        }

        void awaitOutLine(Predicate<String> predicate) {
            await().atMost(START).pollInterval(Duration.ofMillis(100))
                    .failFast("the server exited: " + out, () -> !process.isAlive())
                    .until(() -> out.stream().anyMatch(predicate));
        }

        @Override
        public void close() {
            process.toHandle().destroy();
            try {
                if (!process.waitFor(40, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            try {
                // for a diagnosis when the test fails
                Files.write(Path.of("target", "chat-two-processes-" + process.pid() + ".log"), out);
            } catch (IOException ignored) {
                // only a diagnosis aid
            }
        }
    }

    /** The frames one WebSocket received, and what it sent by cid. */
    private static final class Frames {
        private final List<JsonObject> received = new CopyOnWriteArrayList<>();
        private final Map<String, Integer> sends = new ConcurrentHashMap<>();
        private final Map<String, String> texts = new ConcurrentHashMap<>();
        private WebSocket ws;

        void send(JsonObject frame) {
            if (frame.getString("cid") != null) {
                sends.merge(frame.getString("cid"), 1, Integer::sum);
                texts.put(frame.getString("cid"), frame.getString("text"));
            }
            ws.writeTextMessage(frame.encode()).await();
        }

        /** Sends again those of {@code frames} the server refused since their last send; whether all are acknowledged. */
        boolean resendRefused(Map<String, JsonObject> frames) {
            boolean all = true;
            for (Map.Entry<String, JsonObject> e : frames.entrySet()) {
                String cid = e.getKey();
                if (any(f -> "ack".equals(f.getString("type")) && cid.equals(f.getString("cid")))) {
                    continue;
                }
                all = false;
                long refused = received.stream().filter(f -> "error".equals(f.getString("type")) && cid.equals(f.getString("ref"))).count();
                if (refused >= sends.getOrDefault(cid, 0)) {
                    send(e.getValue());
                }
            }
            return all;
        }

        JsonObject await(Predicate<JsonObject> match) {
            org.awaitility.Awaitility.await("a frame among " + received).atMost(WAIT).until(() -> any(match));
            return received.stream().filter(match).findFirst().orElseThrow();
        }

        boolean any(Predicate<JsonObject> match) {
            return received.stream().anyMatch(match);
        }

        boolean hasText(String text) {
            return any(f -> "msg".equals(f.getString("type")) && text.equals(f.getString("text")));
        }

        List<JsonObject> messages() {
            return received.stream().filter(f -> "msg".equals(f.getString("type"))).toList();
        }

        List<JsonObject> errors() {
            return received.stream().filter(f -> "error".equals(f.getString("type"))).toList();
        }
    }

    /**
     * What {@code java -jar ventanilla.jar} runs, {@link Main#run} with the real environment, but on a clock shifted by
     * the system property {@value #OFFSET_PROPERTY} (milliseconds). Run in the child JVM only.
     */
    public static final class ShiftedClockMain {

        private ShiftedClockMain() {
        }

        public static void main(String[] args) {
            Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(Long.getLong(OFFSET_PROPERTY, 0L)));
            int code = Main.run(args, System.out, System.err, System.getenv(), clock);
            if (code != Main.RUNNING) {
                System.exit(code);
            }
        }
    }
}
