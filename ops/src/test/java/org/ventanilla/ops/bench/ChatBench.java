package org.ventanilla.ops.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.ventanilla.channels.chat.BusChatRouting;
import org.ventanilla.channels.chat.ChatChannel;
import org.ventanilla.channels.chat.ChatOptions;
import org.ventanilla.channels.chat.ChatStore;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.adapter.memory.MemoryClusterEvents;
import org.ventanilla.core.adapter.memory.MemoryRecordStore;
import org.ventanilla.core.demo.CatalogLoader;
import org.ventanilla.core.domain.calendar.BusinessCalendar;
import org.ventanilla.core.domain.calendar.Deadlines;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.catalog.ServiceQueue;
import org.ventanilla.core.domain.citizen.Survivorship;
import org.ventanilla.core.domain.classification.Classifier;
import org.ventanilla.core.intake.DefaultIntakeService;
import org.ventanilla.core.testing.TestServices;
import org.ventanilla.routing.engine.RoutingEngine;
import org.ventanilla.routing.engine.RoutingSettings;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.state.MemoryLiveState;
import org.ventanilla.routing.store.StoredRoutingEvents;
import org.ventanilla.routing.verticle.BusEventSink;
import org.ventanilla.routing.verticle.IntakeEvents;
import org.ventanilla.routing.verticle.RoutingService;
import org.ventanilla.routing.verticle.RoutingVerticle;

/**
 * Benchmark "chat": one node's web chat (the real {@link ChatChannel} with a real {@link RoutingVerticle}, intake and
 * the chat's messages stored in PostgreSQL, a fresh schema) holding many open citizen sessions, some of them in
 * conversation with agents (capacity 3 each) and the rest waiting in the queue, while citizens send messages at a
 * fixed rate (open-loop, from a scheduler thread). The relay latency, from the moment a message was due to be sent
 * until the agent's WebSocket received it, goes into an HdrHistogram.
 *
 * <p>The chat is created here (not through {@code Wiring}) because the wiring does not let the per-address and
 * per-session rate limits be configured, and every bench session comes from 127.0.0.1. The node runs in a second
 * JVM (same classpath, {@code -Xmx2g}) so that each JVM holds one end of every connection (the file-descriptor limit
 * is 20,000 here) and heap_mb is the node's own; the clients are Vert.x WebSocket clients in the benchmark's JVM.
 *
 * <p>verified=true only when every citizen message of the runs was acknowledged once, stored once (one
 * {@code chat-cid} key and one {@code chat-message} record each), received by the agent exactly once and in the
 * order sent, and every agent saw the places of each of its chats without gaps or repeats.
 *
 * <p>Run with {@code ops/bench.sh chat}. System properties: {@code bench.sessions} (10000, lowered to what the
 * process's file-descriptor limit allows), {@code bench.conversing} (2000), {@code bench.agents} (700),
 * {@code bench.rate} (2000 messages/s), {@code bench.seconds} (15 per run), {@code bench.runs} (3),
 * {@code bench.warmUpSeconds} (15, checked but not counted).
 */
public final class ChatBench {

    private static final int WANTED_SESSIONS = Integer.getInteger("bench.sessions", 10_000);
    private static final int CONVERSING = Integer.getInteger("bench.conversing", 2_000);
    private static final int AGENTS = Integer.getInteger("bench.agents", 700);
    private static final int RATE = Integer.getInteger("bench.rate", 2_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmUpSeconds", 15);
    private static final int CAPACITY = 3;
    /** Room for every waiting bench session (the default of 500 items per queue would refuse most of them). */
    private static final int QUEUE_MAX = 20_000;
    private static final Catalog CATALOG = CatalogLoader.demo();
    /** Tuesday 2026-11-24, 10:00 in Bogotá: opening hours. */
    private static final Instant TUESDAY_MORNING = Instant.parse("2026-11-24T15:00:00Z");
    private static final long HIGHEST_US = TimeUnit.MINUTES.toMicros(5);

    private ChatBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && "node".equals(args[0])) {
            node(args[1]);
            return;
        }
        int sessions = Math.min(WANTED_SESSIONS, sessionsTheFdLimitAllows());
        System.out.printf(Locale.ROOT, "chat benchmark: %d citizen sessions (wanted %d), %d in conversation with %d agents (capacity %d),"
                + " %d messages/s open-loop, a %d s warm-up then %d runs of %d s, %d cores%n", sessions, WANTED_SESSIONS, CONVERSING,
                AGENTS, CAPACITY, RATE, WARM_UP_SECONDS, RUNS, SECONDS, Runtime.getRuntime().availableProcessors());
        String url = TestServices.postgresUrlWithFreshSchema();
        Process node = startNode(url);
        BufferedReader fromNode = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter toNode = new PrintWriter(node.getOutputStream(), true, StandardCharsets.UTF_8);
        Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        boolean verified = true;
        try {
            int port = Integer.parseInt(awaitLine(fromNode, "PORT "));
            Bench bench = new Bench(clients, port);
            verified &= bench.setUp(sessions);
            System.out.printf(Locale.ROOT, "node heap after GC with every session open: %s MB%n", nodeHeap(toNode, fromNode));
            Histogram warm = bench.run(-1, WARM_UP_SECONDS);
            System.out.printf(Locale.ROOT, "warm-up: %d messages, relay p50 %.1f ms, p99 %.1f ms (not counted)%n", warm.getTotalCount(),
                    warm.getValueAtPercentile(50) / 1000.0, warm.getValueAtPercentile(99) / 1000.0);
            double[] p99 = new double[RUNS];
            double[] heap = new double[RUNS];
            double[] achieved = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                double cpu = BenchSupport.processCpuSeconds();
                Histogram h = bench.run(run, SECONDS);
                p99[run] = h.getValueAtPercentile(99) / 1000.0;
                achieved[run] = bench.lastRate;
                heap[run] = Double.parseDouble(nodeHeap(toNode, fromNode));
                System.out.printf(Locale.ROOT, "run %d: %d messages in %d s (%.0f/s issued), relay p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms,"
                        + " max %.1f ms; node heap after GC %.0f MB; generator JVM CPU %.1f s; load %.1f%n", run + 1, h.getTotalCount(),
                        SECONDS, achieved[run], h.getValueAtPercentile(50) / 1000.0, p99[run], h.getValueAtPercentile(99.9) / 1000.0,
                        h.getMaxValue() / 1000.0, heap[run], BenchSupport.processCpuSeconds() - cpu, BenchSupport.loadAverage());
            }
            verified &= bench.verify(url);
            System.out.printf(Locale.ROOT, "RESULT chat sessions=%d conversing=%d msgs_per_s=%d relay_p99_ms=%.1f heap_mb=%d verified=%s%n",
                    bench.openSessions(), bench.conversing(), Math.round(BenchSupport.median(achieved)), BenchSupport.median(p99),
                    Math.round(BenchSupport.median(heap)), verified);
        } finally {
            clients.close().await(30, TimeUnit.SECONDS);
            toNode.println("close");
            if (!node.waitFor(60, TimeUnit.SECONDS)) {
                node.destroy();
            }
            BenchSupport.dropSchema(url);
        }
    }

    /** The node: a second JVM with the same classpath, so each JVM holds one end of every connection. */
    private static Process startNode(String url) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xms512m", "-Xmx2g",
                "-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile", ""),
                "-cp", System.getProperty("java.class.path"), ChatBench.class.getName(), "node", url);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String awaitLine(BufferedReader in, String prefix) throws Exception {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
            System.out.println("[node] " + line);
        }
        throw new IllegalStateException("the node ended before printing " + prefix.trim());
    }

    private static String nodeHeap(PrintWriter toNode, BufferedReader fromNode) throws Exception {
        toNode.println("heap");
        return awaitLine(fromNode, "HEAP ");
    }

    /** Runs the chat node until its standard input says close (or ends); answers "heap" with the used heap after a GC. */
    private static void node(String url) throws Exception {
        JdbcRecordStore records = JdbcRecordStore.create(new JdbcSettings(url, TestServices.postgresUser(), "", 16,
                Duration.ofSeconds(10)));
        MemoryClusterEvents events = MemoryClusterEvents.create();
        Vertx server = Vertx.vertx();
        try {
            deployRouting(server);
            Classifier classifier = Classifier.train(CATALOG);
            DefaultIntakeService intake = new DefaultIntakeService(records, CATALOG, classifier,
                    new Deadlines(BusinessCalendar.colombia(Clock.fixed(TUESDAY_MORNING, ZoneOffset.UTC))), "",
                    Survivorship.trusting("registraduria"));
            BusChatRouting routing = BusChatRouting.create(server, events, agentId -> Optional.empty(),
                    category -> CATALOG.find(category).map(c -> c.queue()).orElse("general"),
                    CATALOG.queues().stream().map(ServiceQueue::code).toList(), Clock.systemUTC());
            ChatOptions options = new ChatOptions().setSessionRate(1_000, 10_000).setAddressRate(1_000_000, 100_000)
                    .setAgentCapacity(CAPACITY).setIdleTimeout(Duration.ofHours(1));
            for (int a = 0; a < AGENTS; a++) {
                options.addTestAgent(token(a), "agente-" + a, "Agente " + a);
            }
            ChatChannel chat = ChatChannel.create(server, options, ChatChannel.Dependencies.of(records, events, intake, routing)
                    .withOpeningHours(ignored -> true));
            Router root = Router.router(server);
            root.route("/chat/*").subRouter(chat.router());
            HttpServer http = server.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
            System.out.println("PORT " + http.actualPort());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !"close".equals(line)) {
                if ("heap".equals(line)) {
                    System.out.println("HEAP " + heapMb());
                }
            }
            http.close().await(10, TimeUnit.SECONDS);
            chat.close().await(10, TimeUnit.SECONDS);
            routing.close();
        } finally {
            server.close().await(30, TimeUnit.SECONDS);
            records.close();
            events.close();
        }
    }

    /** Each session holds one descriptor in each JVM; agents too; leave room for the rest. */
    private static int sessionsTheFdLimitAllows() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long max = unix.getMaxFileDescriptorCount();
            return (int) Math.max(100, max - AGENTS - 1_000);
        }
        return WANTED_SESSIONS;
    }

    private static long heapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static String token(int agent) {
        return String.format(Locale.ROOT, "bench-agent-token-%06d-xxxxxxxx", agent);
    }

    /** Routing as ops deploys it: the catalog's queues, memory live state, history in memory; offers wait 10 minutes. */
    private static void deployRouting(Vertx vertx) throws Exception {
        StoredRoutingEvents history = StoredRoutingEvents.create(MemoryRecordStore.create(), "nodo-bench");
        RoutingSettings settings = RoutingSettings.DEFAULTS.withOfferTimeout(org.ventanilla.routing.api.Channel.CHAT,
                Duration.ofMinutes(10));
        RoutingEngine engine = RoutingEngine.create(settings, new MemoryLiveState(), BusEventSink.create(vertx.eventBus(), history),
                Clock.systemUTC());
        RoutingService service = RoutingService.create(engine, history, Clock.systemUTC(), () -> true);
        for (ServiceQueue q : CATALOG.queues()) {
            service.defineQueue(QueueSpec.builder(q.code()).maxSize(QUEUE_MAX).build());
        }
        vertx.deployVerticle(new RoutingVerticle(service, new IntakeEvents(service, java.time.ZoneId.of("America/Bogota")),
                new RoutingVerticle.Options(false, Duration.ofMillis(100), true))).await(10, TimeUnit.SECONDS);
    }

    /** The clients: citizens and agents, what they sent and what they received. */
    private static final class Bench {
        private final int port;
        private final WebSocketClient client;
        private final List<WebSocket> citizens = new ArrayList<>();
        private final Map<String, WebSocket> citizenOfChat = new ConcurrentHashMap<>();
        private final Map<String, Long> lastSeqAtAgent = new ConcurrentHashMap<>();
        private final Map<String, Long> nextIndexAtAgent = new ConcurrentHashMap<>();
        private final Map<String, Boolean> accepted = new ConcurrentHashMap<>();
        private final AtomicInteger acceptSlots = new AtomicInteger();
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger firstAcks = new AtomicInteger();
        private final AtomicInteger offersPending = new AtomicInteger();
        private final java.util.Set<WebSocket> queued = ConcurrentHashMap.newKeySet();
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong acks = new AtomicLong();
        private final AtomicLong duplicateAcks = new AtomicLong();
        private final AtomicLong orderErrors = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong closed = new AtomicLong();
        private volatile ConcurrentHistogram histogram = new ConcurrentHistogram(HIGHEST_US, 3);
        private List<String> conversingChats = List.of();
        private long sent;
        private long nextIndex;
        private double lastRate;

        Bench(Vertx vertx, int port) {
            this.port = port;
            this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000));
        }

        int openSessions() {
            return citizens.size() - (int) closed.get();
        }

        int conversing() {
            return conversingChats.size();
        }

        boolean setUp(int sessions) throws Exception {
            long t0 = System.nanoTime();
            acceptSlots.set(CONVERSING);
            List<Future<WebSocket>> agents = new ArrayList<>();
            for (int a = 0; a < AGENTS; a++) {
                agents.add(agent(a));
            }
            Future.all(agents).await(60, TimeUnit.SECONDS);
            System.out.printf(Locale.ROOT, "%d agents signed on in %.1f s%n", AGENTS, (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            // sessions connect and start in batches, each sending a first message (which takes it in and queues it)
            int batch = 200;
            for (int i = 0; i < sessions; i += batch) {
                List<Future<WebSocket>> opened = new ArrayList<>();
                for (int j = i; j < Math.min(sessions, i + batch); j++) {
                    opened.add(citizen(j));
                }
                Future.all(opened).await(120, TimeUnit.SECONDS);
                for (Future<WebSocket> f : opened) {
                    citizens.add(f.result());
                }
            }
            waitUntil(() -> firstAcks.get() >= sessions, Duration.ofMinutes(5));
            System.out.printf(Locale.ROOT, "%d citizen sessions started, first message stored, in %.1f s; %d were told a queue place%n",
                    citizens.size(), (System.nanoTime() - t1) / 1e9, queued.size());
            int wanted = Math.min(CONVERSING, Math.min(sessions, AGENTS * CAPACITY));
            waitUntil(() -> accepted.size() >= wanted, Duration.ofMinutes(3));
            conversingChats = new ArrayList<>(accepted.keySet());
            System.out.printf(Locale.ROOT, "%d chats accepted by agents (%d offers left unanswered), %d waiting; setup %.1f s, generator"
                    + " heap after GC %d MB%n", conversingChats.size(), offersPending.get(), citizens.size() - conversingChats.size(),
                    (System.nanoTime() - t0) / 1e9, heapMb());
            for (String chatId : conversingChats) {
                queued.remove(citizenOfChat.get(chatId));
            }
            System.out.printf(Locale.ROOT, "sessions told a queue place and not accepted: %d%n", queued.size());
            return conversingChats.size() == wanted && errors.get() == 0;
        }

        private Future<WebSocket> agent(int a) {
            WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/chat/agent/ws")
                    .setAllowOriginHeader(false);
            return client.connect(o).onSuccess(ws -> {
                ws.textMessageHandler(text -> onAgentFrame(ws, new JsonObject(text)));
                ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", token(a)).encode());
            });
        }

        private void onAgentFrame(WebSocket ws, JsonObject f) {
            switch (f.getString("type", "")) {
                case "offer" -> {
                    String chatId = f.getString("chatId");
                    if (acceptSlots.getAndDecrement() > 0) {
                        accepted.put(chatId, Boolean.TRUE);
                        ws.writeTextMessage(new JsonObject().put("type", "accept").put("chatId", chatId).encode());
                    } else {
                        offersPending.incrementAndGet();
                    }
                }
                case "msg" -> {
                    long now = System.nanoTime();
                    String chatId = f.getString("chatId");
                    long seq = f.getLong("seq");
                    Long last = lastSeqAtAgent.put(chatId, seq);
                    if (last != null && seq != last + 1) {
                        orderErrors.incrementAndGet();
                    }
                    String cid = f.getString("cid");
                    if ("citizen".equals(f.getString("from")) && cid != null && cid.startsWith("b-")) {
                        String[] parts = f.getString("text").split(" ");
                        long index = Long.parseLong(parts[1]);
                        long due = Long.parseLong(parts[2]);
                        Long expected = nextIndexAtAgent.getOrDefault(chatId, -1L);
                        if (expected >= 0 && index != expected) {
                            orderErrors.incrementAndGet();
                        }
                        nextIndexAtAgent.put(chatId, index + conversingChats.size());
                        histogram.recordValue(Math.min(HIGHEST_US, Math.max(0, (now - due) / 1000)));
                        received.incrementAndGet();
                    }
                }
                case "error" -> {
                    errors.incrementAndGet();
                    System.out.println("agent got error: " + f.encode());
                }
                default -> {
                }
            }
        }

        private Future<WebSocket> citizen(int n) {
            String origin = "http://127.0.0.1:" + port;
            WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/chat/ws")
                    .addHeader("Origin", origin);
            return client.connect(o).onSuccess(ws -> {
                ws.closeHandler(v -> closed.incrementAndGet());
                ws.textMessageHandler(text -> {
                    JsonObject f = new JsonObject(text);
                    switch (f.getString("type", "")) {
                        case "started" -> {
                            started.incrementAndGet();
                            citizenOfChat.put(f.getString("chatId"), ws);
                            ws.writeTextMessage(new JsonObject().put("type", "msg").put("cid", "first")
                                    .put("text", "Buenos días, quisiera hablar con alguien sobre un trámite").encode());
                        }
                        case "ack" -> {
                            if ("first".equals(f.getString("cid"))) {
                                firstAcks.incrementAndGet();
                            } else {
                                acks.incrementAndGet();
                            }
                            if (f.getBoolean("duplicate", false)) {
                                duplicateAcks.incrementAndGet();
                            }
                        }
                        case "queue" -> queued.add(ws);
                        case "error" -> {
                            errors.incrementAndGet();
                            System.out.println("citizen got error: " + f.encode());
                        }
                        default -> {
                        }
                    }
                });
                ws.writeTextMessage(new JsonObject().put("type", "start").put("consent", true).put("topic", "general")
                        .put("name", "Ciudadano " + n).encode());
            });
        }

        /** One run: RATE messages per second for SECONDS, spread round-robin over the conversing chats. */
        Histogram run(int run, int seconds) {
            histogram = new ConcurrentHistogram(HIGHEST_US, 3);
            long total = (long) RATE * seconds;
            long intervalNanos = 1_000_000_000L / RATE;
            long start = System.nanoTime() + 50_000_000L;
            long issued = 0;
            long receivedBefore = received.get();
            while (issued < total) {
                long now = System.nanoTime();
                while (issued < total && start + issued * intervalNanos <= now) {
                    long due = start + issued * intervalNanos;
                    long index = nextIndex++;
                    String chatId = conversingChats.get((int) (index % conversingChats.size()));
                    citizenOfChat.get(chatId).writeTextMessage(new JsonObject().put("type", "msg").put("cid", "b-" + index)
                            .put("text", "mensaje " + index + " " + due).encode());
                    issued++;
                }
                LockSupport.parkNanos(200_000);
            }
            lastRate = issued / ((System.nanoTime() - start) / 1e9);
            sent += issued;
            long expected = receivedBefore + issued;
            boolean drained = waitUntil(() -> received.get() >= expected, Duration.ofSeconds(60));
            if (!drained) {
                System.out.printf(Locale.ROOT, "run %s: only %d of %d messages reached the agents within 60 s%n",
                        run < 0 ? "warm-up" : String.valueOf(run + 1),
                        received.get() - receivedBefore, issued);
            }
            return histogram;
        }

        boolean verify(String url) throws Exception {
            waitUntil(() -> acks.get() >= sent, Duration.ofSeconds(30));
            long cidKeys;
            long stored;
            try (Connection c = DriverManager.getConnection(url, TestServices.postgresUser(), "");
                    Statement s = c.createStatement()) {
                cidKeys = BenchSupport.single(s, "SELECT count(*) FROM record_keys WHERE kind = '" + ChatStore.CID_KEY
                        + "' AND lookup_key LIKE '%:citizen:b-%'");
                stored = BenchSupport.single(s, "SELECT count(*) FROM records WHERE kind = '" + ChatStore.MESSAGE
                        + "' AND body LIKE '%\"cid\":\"b-%'");
            }
            boolean ok = received.get() == sent && acks.get() == sent && duplicateAcks.get() == 0 && orderErrors.get() == 0
                    && errors.get() == 0 && cidKeys == sent && stored == sent && closed.get() == 0;
            System.out.printf(Locale.ROOT, "verify: sent %d, acknowledged %d (duplicates %d), stored %d (cid keys %d), received by"
                    + " agents %d, out of order or gaps %d, error frames %d, sessions closed %d -> %s%n", sent, acks.get(),
                    duplicateAcks.get(), stored, cidKeys, received.get(), orderErrors.get(), errors.get(), closed.get(), ok);
            return ok;
        }

        private static boolean waitUntil(java.util.function.BooleanSupplier condition, Duration limit) {
            long end = System.nanoTime() + limit.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > end) {
                    return false;
                }
                LockSupport.parkNanos(20_000_000L);
            }
            return true;
        }
    }
}
