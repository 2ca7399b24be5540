package org.ventanilla.ops.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.ventanilla.core.testing.TestServices;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.OfferEvent;
import org.ventanilla.routing.api.RoutingAddresses;
import org.ventanilla.routing.api.SkillRequirement;
import org.ventanilla.routing.engine.RoutingEngine;
import org.ventanilla.routing.engine.RoutingEventSink;
import org.ventanilla.routing.engine.RoutingSettings;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.state.AssignTrigger;
import org.ventanilla.routing.state.LiveState;
import org.ventanilla.routing.state.MemoryLiveState;
import org.ventanilla.routing.state.redis.RedisLiveState;
import org.ventanilla.routing.store.RoutingJson;
import org.ventanilla.routing.verticle.BusEventSink;
import org.ventanilla.routing.verticle.IntakeEvents;
import org.ventanilla.routing.verticle.RoutingService;
import org.ventanilla.routing.verticle.RoutingVerticle;

/**
 * Benchmark "routing": the full cycle enqueue, offer, accept, complete (no wrap-up) with 1,000 agents in 100 queues
 * (ten skills with levels 1 to 10, Spanish for all and English for one in five, voice 0 or 1, chat 1 to 3, email 1 to
 * 5) and items of every channel, language mix, skill and priority. The figure is completed cycles per second (an item
 * that finds no free eligible agent at once is cancelled and not counted) and the p99 of one cycle.
 *
 * <ul>
 * <li>engine: the in-process {@link RoutingEngine} over {@link MemoryLiveState}, one driver thread.</li>
 * <li>bus: the same engine in the project's RoutingVerticle on a local Vert.x event bus: enqueue, accept and complete as
 * request-reply on routing's addresses, the offer published to the agent's address and taken by a consumer there.</li>
 * <li>redis: {@value #CLIENTS} engines (as many nodes) over one {@link RedisLiveState} prefix, one driver thread
 * each, the agents split between them.</li>
 * <li>baseline: {@code redis-benchmark} with {@value #CLIENTS} clients running the project's assignment script
 * (EVALSHA, AGENT trigger for a random agent) against a prefix holding waiting items; only calls that reserved an
 * item count (offers in Redis afterwards divided by calls).</li>
 * </ul>
 * verified=true when every counted item was offered exactly once and nothing is left in the live state.
 */
public final class RoutingBench {

    static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final int AGENTS = 1_000;
    private static final int QUEUES = 100;
    private static final int ENGINE_ITEMS = Integer.getInteger("bench.engineItems", 200_000);
    private static final int REDIS_ITEMS = Integer.getInteger("bench.redisItems", 8_000);
    private static final int BASELINE_CALLS = Integer.getInteger("bench.baselineCalls", 20_000);
    /** Which parts run (comma separated: engine, bus, redis, baseline); all by default. */
    private static final List<String> MODES = List.of(System.getProperty("bench.modes", "engine,bus,redis,baseline").split(","));
    private static final List<String> SKILLS = List.of("licencias", "avaluos", "predial", "comparendos", "salud", "educacion",
            "movilidad", "ambiente", "vivienda", "servicios");

    private RoutingBench() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "routing benchmark: %d agents, %d queues, %d redis clients, %d cores%n", AGENTS, QUEUES, CLIENTS,
                Runtime.getRuntime().availableProcessors());
        boolean verified = true;
        double[][] engine = new double[3][];
        double[][] bus = new double[3][];
        double[][] redis = new double[3][];
        for (int run = -1; run < 3 && MODES.contains("engine"); run++) {
            RunResult result = runEngine(run);
            verified &= result.verified;
            if (run >= 0) {
                engine[run] = result.figures();
            }
        }
        Vertx vertx = Vertx.vertx();
        try {
            for (int run = -1; run < 3 && MODES.contains("bus"); run++) {
                RunResult result = runBus(vertx, run);
                verified &= result.verified;
                if (run >= 0) {
                    bus[run] = result.figures();
                }
            }
        } finally {
            vertx.close().await();
        }
        TestServices.requireRedis();
        for (int run = -1; run < 3 && MODES.contains("redis"); run++) {
            RunResult result = runRedis(run);
            verified &= result.verified;
            if (run >= 0) {
                redis[run] = result.figures();
            }
        }
        double baseline = MODES.contains("baseline") ? baseline() : 0;
        System.out.printf(Locale.ROOT, "RESULT routing engine_assign_per_s=%d engine_p99_ms=%.3f bus_assign_per_s=%d bus_p99_ms=%.3f "
                + "redis_assign_per_s=%d redis_p99_ms=%.3f redis_benchmark_script_per_s=%d verified=%s%n",
                Math.round(median(engine, 0)), median(engine, 1), Math.round(median(bus, 0)), median(bus, 1),
                Math.round(median(redis, 0)), median(redis, 1), Math.round(baseline), verified);
    }

    // ---- the scenario ----

    private static List<QueueSpec> queues() {
        List<QueueSpec> queues = new ArrayList<>();
        for (int q = 0; q < QUEUES; q++) {
            queues.add(QueueSpec.builder("cola-" + q).maxSize(QueueSpec.MAX_MAX_SIZE).build());
        }
        return queues;
    }

    private static List<AgentSpec> agents(Random random) {
        List<AgentSpec> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            AgentSpec.Builder agent = AgentSpec.builder("agente-" + i).languages("es");
            if (i % 5 == 0) {
                agent.languages("es", "en");
            }
            for (String skill : SKILLS) {
                agent.skill(skill, 1 + random.nextInt(10));
            }
            agent.queues(memberships(i));
            agent.capacity(Channel.VOICE, i % 4 == 0 ? 0 : 1).capacity(Channel.CHAT, 1 + random.nextInt(3))
                    .capacity(Channel.EMAIL, 1 + random.nextInt(5));
            agents.add(agent.build());
        }
        return agents;
    }

    /** Three distinct queues per agent, spread so every queue has about 30 members. */
    private static String[] memberships(int agent) {
        java.util.Set<String> queues = new java.util.LinkedHashSet<>();
        for (int step = 0; queues.size() < 3; step++) {
            queues.add("cola-" + (agent + step * 37) % QUEUES);
        }
        return queues.toArray(new String[0]);
    }

    private static EnqueueRequest item(String id, Random random) {
        int roll = random.nextInt(10);
        Channel channel = roll < 3 ? Channel.VOICE : roll < 7 ? Channel.CHAT : Channel.EMAIL;
        String language = random.nextInt(7) == 0 ? "en" : "es";
        List<SkillRequirement> skills = List.of(new SkillRequirement(SKILLS.get(random.nextInt(SKILLS.size())), 1 + random.nextInt(4)));
        return new EnqueueRequest(id, "cola-" + random.nextInt(QUEUES), channel, "tramites.general", skills, language, random.nextInt(10));
    }

    private static RoutingSettings settings() {
        RoutingSettings settings = RoutingSettings.DEFAULTS.withMissedOffersBeforeAway(1_000);
        for (Channel channel : Channel.values()) {
            settings = settings.withWrapUp(channel, Duration.ZERO);
        }
        return settings;
    }

    /** Records offers per item; the one expected next is handed to the driver. */
    private static final class OfferSink implements RoutingEventSink {
        final Map<String, Integer> offers = new ConcurrentHashMap<>();
        final AtomicReference<OfferEvent> last = new AtomicReference<>();

        @Override
        public void record(org.ventanilla.routing.api.RoutingEvent event) {
        }

        @Override
        public void offer(OfferEvent offer) {
            offers.merge(offer.itemId(), 1, Integer::sum);
            last.set(offer);
        }
    }

    private static RoutingEngine engine(LiveState state, OfferSink sink, List<AgentSpec> agents) {
        RoutingEngine engine = RoutingEngine.create(settings(), state, sink, Clock.systemUTC());
        queues().forEach(engine::defineQueue);
        for (AgentSpec agent : agents) {
            engine.defineAgent(agent);
            engine.setAgentState(AgentStateChange.available(agent.id()));
        }
        return engine;
    }

    /** One cycle; true when the item was offered at once (then accepted and completed), false when it was cancelled. */
    private static boolean cycle(RoutingEngine engine, OfferSink sink, EnqueueRequest request) {
        sink.last.set(null);
        engine.enqueue(request);
        OfferEvent offer = sink.last.get();
        if (offer == null || !offer.itemId().equals(request.itemId())) {
            engine.cancel(request.itemId(), "bench");
            return false;
        }
        engine.accept(offer.itemId(), offer.agentId());
        engine.complete(offer.itemId(), offer.agentId());
        return true;
    }

    private static RunResult runEngine(int run) {
        Random random = new Random(42 + run);
        OfferSink sink = new OfferSink();
        MemoryLiveState state = new MemoryLiveState();
        RoutingEngine engine = engine(state, sink, agents(random));
        Histogram latency = new Histogram(3_600_000_000L, 3);
        List<EnqueueRequest> items = new ArrayList<>();
        for (int i = 0; i < ENGINE_ITEMS; i++) {
            items.add(item("e" + run + "-" + i, random));
        }
        long done = 0;
        long started = System.nanoTime();
        for (EnqueueRequest request : items) {
            long t0 = System.nanoTime();
            if (cycle(engine, sink, request)) {
                latency.recordValue((System.nanoTime() - t0) / 1_000);
                done++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        boolean verified = state.items().isEmpty() && sink.offers.size() == done && sink.offers.values().stream().allMatch(n -> n == 1);
        return RunResult.report("engine", run, done, items.size(), seconds, latency, verified);
    }

    /**
     * The project's {@link RoutingVerticle} (memory live state, no history) driven through its bus addresses as the
     * channels and the console drive it: enqueue (request-reply), the offer published to the agent's address and taken
     * by a consumer standing in for the agent's console, accept (offer reply), complete.
     */
    private static RunResult runBus(Vertx vertx, int run) throws Exception {
        Random random = new Random(42 + run);
        OfferSink sink = new OfferSink();
        MemoryLiveState state = new MemoryLiveState();
        EventBus bus = vertx.eventBus();
        RoutingEngine engine = RoutingEngine.create(settings(), state, BusEventSink.create(bus, sink), Clock.systemUTC());
        RoutingService service = RoutingService.create(engine, null, Clock.systemUTC(), () -> true);
        queues().forEach(service::defineQueue);
        List<AgentSpec> agents = agents(random);
        Map<String, java.util.concurrent.CompletableFuture<JsonObject>> offered = new ConcurrentHashMap<>();
        List<io.vertx.core.eventbus.MessageConsumer<JsonObject>> consoles = new ArrayList<>();
        for (AgentSpec agent : agents) {
            service.defineAgent(agent);
            engine.setAgentState(AgentStateChange.available(agent.id()));
            io.vertx.core.eventbus.MessageConsumer<JsonObject> console = bus.consumer(RoutingAddresses.offersFor(agent.id()),
                    message -> offered.computeIfAbsent(message.body().getString("itemId"),
                            id -> new java.util.concurrent.CompletableFuture<>()).complete(message.body()));
            consoles.add(console);
        }
        for (io.vertx.core.eventbus.MessageConsumer<JsonObject> console : consoles) {
            console.completion().await();
        }
        String deployment = vertx.deployVerticle(new RoutingVerticle(service, new IntakeEvents(service, java.time.ZoneOffset.UTC),
                new RoutingVerticle.Options(false, Duration.ofMillis(100), false))).await();
        int count = ENGINE_ITEMS / 4;
        List<EnqueueRequest> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(item("b" + run + "-" + i, random));
        }
        Histogram latency = new Histogram(3_600_000_000L, 3);
        long done = 0;
        long started = System.nanoTime();
        for (EnqueueRequest request : items) {
            long t0 = System.nanoTime();
            JsonObject result = request(bus, RoutingAddresses.ENQUEUE, RoutingJson.toJson(request));
            if (!"OFFERED".equals(result.getString("status"))) {
                request(bus, RoutingAddresses.CANCEL, new JsonObject().put("itemId", request.itemId()).put("reason", "bench"));
                continue;
            }
            JsonObject offer = offered.computeIfAbsent(request.itemId(), id -> new java.util.concurrent.CompletableFuture<>())
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            offered.remove(request.itemId());
            JsonObject answer = new JsonObject().put("itemId", request.itemId()).put("agentId", offer.getString("agentId"));
            request(bus, RoutingAddresses.OFFER_REPLY, answer.copy().put("accepted", true));
            request(bus, RoutingAddresses.COMPLETE, answer);
            latency.recordValue((System.nanoTime() - t0) / 1_000);
            done++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        vertx.undeploy(deployment).await();
        for (io.vertx.core.eventbus.MessageConsumer<JsonObject> console : consoles) {
            console.unregister().await();
        }
        boolean verified = state.items().isEmpty() && sink.offers.size() == done && sink.offers.values().stream().allMatch(n -> n == 1);
        return RunResult.report("bus", run, done, items.size(), seconds, latency, verified);
    }

    private static JsonObject request(EventBus bus, String address, JsonObject body) throws Exception {
        Future<io.vertx.core.eventbus.Message<JsonObject>> reply = bus.request(address, body);
        return reply.toCompletionStage().toCompletableFuture().get().body();
    }

    private static RunResult runRedis(int run) throws Exception {
        Random random = new Random(42 + run);
        String prefix = TestServices.uniquePrefix();
        List<AgentSpec> agents = agents(random);
        List<RedisLiveState> states = new ArrayList<>();
        List<RoutingEngine> engines = new ArrayList<>();
        List<OfferSink> sinks = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            RedisLiveState state = RedisLiveState.create(TestServices.redisUri(), prefix, "bench-" + c);
            state.heartbeat(Duration.ofMinutes(5));
            // Consecutive blocks, so that every node has members in every queue (agent i belongs to queues i, i + 37
            // and i + 74 modulo 100); a split by i modulo 4 would leave a quarter of the queues without any member on
            // each node, and their items could never be offered there.
            List<AgentSpec> share = new ArrayList<>(agents.subList(c * agents.size() / CLIENTS, (c + 1) * agents.size() / CLIENTS));
            OfferSink sink = new OfferSink();
            states.add(state);
            sinks.add(sink);
            engines.add(engine(state, sink, share));
        }
        Histogram latency = new Histogram(3_600_000_000L, 3);
        AtomicLong done = new AtomicLong();
        int perClient = REDIS_ITEMS / CLIENTS;
        double cpuBefore = redisCpuSeconds();
        List<Thread> drivers = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Random own = new Random(run * 100L + c);
            Thread driver = new Thread(() -> {
                Histogram mine = new Histogram(3_600_000_000L, 3);
                long ok = 0;
                for (int i = 0; i < perClient; i++) {
                    EnqueueRequest request = item("r" + run + "-" + client + "-" + i, own);
                    long t0 = System.nanoTime();
                    if (cycle(engines.get(client), sinks.get(client), request)) {
                        mine.recordValue((System.nanoTime() - t0) / 1_000);
                        ok++;
                    }
                }
                synchronized (latency) {
                    latency.add(mine);
                }
                done.addAndGet(ok);
            });
            drivers.add(driver);
            driver.start();
        }
        for (Thread driver : drivers) {
            driver.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "redis server cpu: %.0f us per completed cycle%n",
                (redisCpuSeconds() - cpuBefore) * 1e6 / done.get());
        // A node's agent may take another node's item in the moment before that node cancels it: such an item is
        // offered once but counted by nobody. What must hold: no item offered twice, nothing left, no capacity breach.
        Map<String, Integer> offers = new java.util.HashMap<>();
        for (OfferSink sink : sinks) {
            sink.offers.forEach((item, times) -> offers.merge(item, times, Integer::sum));
        }
        boolean verified = offers.values().stream().allMatch(n -> n == 1) && offers.size() >= done.get()
                && states.get(0).items().isEmpty() && states.get(0).violations() == 0;
        states.forEach(RedisLiveState::close);
        return RunResult.report("redis", run, done.get(), perClient * CLIENTS, seconds, latency, verified);
    }

    /** redis-benchmark running the assignment script, AGENT trigger for a random agent, against waiting items. */
    private static double baseline() throws Exception {
        String prefix = TestServices.uniquePrefix();
        try (RedisLiveState state = RedisLiveState.create(TestServices.redisUri(), prefix, "bench-base")) {
            state.heartbeat(Duration.ofMinutes(5));
            queues().forEach(state::putQueue);
            Instant now = Instant.now();
            for (int i = 0; i < AGENTS; i++) {
                String id = String.format(Locale.ROOT, "b-%012d", i);
                state.putAgent(AgentSpec.builder(id).languages("es").queues(memberships(i)).capacity(Channel.CHAT, 50).build(), now);
                state.setPresence(id, org.ventanilla.routing.api.AgentState.AVAILABLE, null, now);
            }
            Random random = new Random(7);
            int items = BASELINE_CALLS * 2;
            for (int i = 0; i < items; i++) {
                state.enqueue(new org.ventanilla.routing.model.WorkItem("w-" + i, "cola-" + random.nextInt(QUEUES), Channel.CHAT,
                        "tramites.general", List.of(), "es", random.nextInt(10), now.minusMillis(items - i), Duration.ofSeconds(60), null),
                        Integer.MAX_VALUE);
            }
            List<String> argv = state.assignArguments(AssignTrigger.forAgent("b-__rand_int__"), now);
            java.net.URI redis = java.net.URI.create(TestServices.redisUri());
            List<String> command = new ArrayList<>(List.of("redis-benchmark", "-h", redis.getHost(), "-p",
                    Integer.toString(redis.getPort()), "-c",
                    Integer.toString(CLIENTS), "-n", Integer.toString(BASELINE_CALLS), "-r", Integer.toString(AGENTS), "-q",
                    "EVALSHA", state.assignScriptSha(), "0"));
            command.addAll(argv);
            double cpuBefore = redisCpuSeconds();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            StringBuilder output = new StringBuilder();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.append(line).append('\n');
                }
            }
            process.waitFor();
            System.out.printf(Locale.ROOT, "redis server cpu: %.0f us per redis-benchmark call%n",
                    (redisCpuSeconds() - cpuBefore) * 1e6 / BASELINE_CALLS);
            Matcher matcher = Pattern.compile("([0-9.]+) requests per second").matcher(output);
            double perSecond = 0;
            while (matcher.find()) {
                perSecond = Double.parseDouble(matcher.group(1));
            }
            long offered = offersHeld(prefix);
            double share = (double) offered / BASELINE_CALLS;
            System.out.printf(Locale.ROOT, "baseline redis-benchmark EVALSHA assign: %.0f calls/s, %d of %d calls reserved an item"
                    + " -> %.0f assignments/s%n", perSecond, offered, BASELINE_CALLS, perSecond * share);
            return perSecond * share;
        }
    }

    /** How many offers the live state under the prefix holds (its {@code offers} sorted set). */
    private static long offersHeld(String prefix) {
        return onRedis(redis -> redis.zcard(prefix + "offers"));
    }

    /** The Redis server's own CPU time so far (user and system, INFO cpu): where the time of a script goes. */
    private static double redisCpuSeconds() {
        return onRedis(redis -> {
            double total = 0;
            for (String line : redis.info("cpu").split("\\r?\\n")) {
                if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                    total += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return total;
        });
    }

    /** One command or two on a connection of its own (outside the measured paths). */
    private static <T> T onRedis(java.util.function.Function<io.lettuce.core.api.sync.RedisCommands<String, String>, T> command) {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(TestServices.redisUri());
        try (io.lettuce.core.api.StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    // ---- figures ----

    private record RunResult(double perSecond, double p99Millis, boolean verified) {

        static RunResult report(String mode, int run, long done, int attempted, double seconds, Histogram latency, boolean verified) {
            double perSecond = done / seconds;
            double p99 = latency.getValueAtPercentile(99) / 1000.0;
            System.out.printf(Locale.ROOT, "%s %s: %d of %d items assigned, accepted and completed in %.2f s: %.0f/s, p50 %.3f ms,"
                    + " p99 %.3f ms, verified=%s%n", mode, run < 0 ? "warm-up" : "run " + (run + 1), done, attempted, seconds, perSecond,
                    latency.getValueAtPercentile(50) / 1000.0, p99, verified);
            return new RunResult(perSecond, p99, verified);
        }

        double[] figures() {
            return new double[] {perSecond, p99Millis};
        }
    }

    private static double median(double[][] runs, int column) {
        double[] values = new double[runs.length];
        for (int i = 0; i < runs.length; i++) {
            // A part left out of this run (bench.modes) reports 0.
            values[i] = runs[i] == null ? 0 : runs[i][column];
        }
        Arrays.sort(values);
        return values[values.length / 2];
    }
}
