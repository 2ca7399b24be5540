package org.ventanilla.routing.cluster;

import java.io.PrintStream;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.OfferEvent;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.engine.RoutingEngine;
import org.ventanilla.routing.engine.RoutingEventSink;
import org.ventanilla.routing.engine.RoutingSettings;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.state.AgentSnapshot;
import org.ventanilla.routing.state.LiveItem;
import org.ventanilla.routing.state.redis.RedisLiveState;

/**
 * One routing node of {@link RoutingClusterIT}, run in its own JVM: a {@link RoutingEngine} over a
 * {@link RedisLiveState} on the shared prefix, its share of the agents (who accept every offer at once and complete
 * after a short random time) and its share of the items. It prints one line per fact the test checks:
 * {@code ASSIGNED item agent}, {@code RETURNED item agent} (an offer given back by the sweep), {@code OVER agent
 * channel load capacity} (never expected), {@code ADOPTED agent}, {@code ENQUEUED n}. It stops when its stdin closes.
 *
 * <p>Arguments: redisUri prefix nodeIndex nodeCount agents items seed itemsPer10ms.
 */
public final class RoutingNodeMain {

    static final Duration LEASE = Duration.ofSeconds(3);

    private final PrintStream out = System.out;
    private final ScheduledExecutorService agentsPool = Executors.newScheduledThreadPool(4);
    private final Map<String, AgentSpec> specs = new ConcurrentHashMap<>();
    private final Set<String> mine = ConcurrentHashMap.newKeySet();
    private RoutingEngine engine;
    private RedisLiveState state;

    public static void main(String[] args) throws Exception {
        new RoutingNodeMain().run(args);
    }

    private void run(String[] args) throws Exception {
        String redisUri = args[0];
        String prefix = args[1];
        int node = Integer.parseInt(args[2]);
        int nodes = Integer.parseInt(args[3]);
        ClusterPlan plan = new ClusterPlan(Integer.parseInt(args[4]), Integer.parseInt(args[5]), Long.parseLong(args[6]));
        state = RedisLiveState.create(redisUri, prefix, "nodo-" + node);
        state.heartbeat(LEASE);
        // The lease has its own thread so that a busy engine never lets it lapse.
        ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor();
        heart.scheduleWithFixedDelay(() -> guarded(() -> {
            state.heartbeat(LEASE);
        }), 250, 250, TimeUnit.MILLISECONDS);
        RoutingSettings settings = RoutingSettings.DEFAULTS;
        for (Channel channel : Channel.values()) {
            // Simulated agents answer at once; a long timeout keeps a busy machine from turning answers into misses.
            settings = settings.withWrapUp(channel, Duration.ZERO).withOfferTimeout(channel, Duration.ofSeconds(60));
        }
        engine = RoutingEngine.create(settings, state, new Sink(), Clock.systemUTC());
        plan.queues.forEach(engine::defineQueue);
        for (int i = 0; i < plan.agents.size(); i++) {
            AgentSpec agent = plan.agents.get(i);
            specs.put(agent.id(), agent);
            // Every node knows every agent (it may take one over); offers come only from the node an agent is bound to.
            engine.defineAgent(agent);
            if (ClusterPlan.nodeOf(i, nodes) == node) {
                mine.add(agent.id());
                engine.setAgentState(AgentStateChange.available(agent.id()));
            }
        }
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor();
        housekeeping.scheduleWithFixedDelay(() -> guarded(this::tick), 100, 100, TimeUnit.MILLISECONDS);
        housekeeping.scheduleWithFixedDelay(() -> guarded(this::adoptOrphans), 500, 500, TimeUnit.MILLISECONDS);
        housekeeping.scheduleWithFixedDelay(() -> guarded(this::pullWork), 500, 500, TimeUnit.MILLISECONDS);
        // Items arrive in bursts of perTick every 10 ms, as contacts do, leaving the engine to the agents too.
        int perTick = Integer.parseInt(args[7]);
        Instant started = Instant.now();
        AtomicInteger next = new AtomicInteger(node);
        // An optional gate file: items start arriving only once it exists (the test opens it when it wants them).
        Path gate = args.length > 8 && !args[8].isEmpty() ? Path.of(args[8]) : null;
        ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        arrivals.scheduleAtFixedRate(() -> guarded(() -> {
            if (gate != null && !Files.exists(gate)) {
                return;
            }
            for (int burst = 0; burst < perTick; burst++) {
                int i = next.getAndAdd(nodes);
                if (i >= plan.items.size()) {
                    if (i < plan.items.size() + nodes) {
                        out.println("ENQUEUED " + node + " in " + Duration.between(started, Instant.now()).toMillis() + " ms");
                    }
                    arrivals.shutdown();
                    return;
                }
                engine.enqueue(plan.items.get(i));
            }
        }), 0, 10, TimeUnit.MILLISECONDS);
        while (System.in.read() >= 0) {
            // Runs until the test closes stdin.
        }
        housekeeping.shutdownNow();
        heart.shutdownNow();
        agentsPool.shutdownNow();
        state.leave();
        state.close();
    }

    /** Engine timers, then the sweep every node runs: offers of dead nodes (and very old ones) go back to their queues. */
    private void tick() {
        engine.tick();
        Instant now = Instant.now();
        state.sweep(now, now.minusSeconds(60)).forEach((item, agent) -> out.println("RETURNED " + item + " " + agent));
    }

    /** Agents whose node died reconnect here: take them over, finish what they had accepted, and give them work. */
    private void adoptOrphans() {
        List<String> adopted = state.adopt(new ArrayList<>(specs.keySet()), Instant.now());
        if (adopted.isEmpty()) {
            return;
        }
        for (String agentId : adopted) {
            out.println("ADOPTED " + agentId);
            mine.add(agentId);
        }
        for (LiveItem live : state.items()) {
            if (live.agentId() != null && adopted.contains(live.agentId())) {
                if (live.status() == ItemStatus.ACCEPTED) {
                    handle(live.item().id(), live.agentId());
                } else if (live.status() == ItemStatus.WRAP_UP) {
                    engine.endWrapUp(live.item().id(), live.agentId());
                }
            }
        }
        for (String agentId : adopted) {
            engine.setAgentState(AgentStateChange.available(agentId));
        }
    }

    /** Items another node enqueued or the sweep gave back reach idle agents here: declaring AVAILABLE fills free slots. */
    private void pullWork() {
        for (String agentId : mine) {
            engine.setAgentState(AgentStateChange.available(agentId));
        }
    }

    private void handle(String itemId, String agentId) {
        agentsPool.schedule(() -> guarded(() -> engine.complete(itemId, agentId)), ThreadLocalRandom.current().nextInt(5, 40),
                TimeUnit.MILLISECONDS);
    }

    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (VentanillaException e) {
            System.err.println("step refused: " + e.getMessage());
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
    }

    /** The agents' side: every offer is accepted at once. Called under the engine's lock, so it only prints and hands off. */
    private final class Sink implements RoutingEventSink {

        @Override
        public void record(RoutingEvent event) {
        }

        @Override
        public void offer(OfferEvent offer) {
            out.println("ASSIGNED " + offer.itemId() + " " + offer.agentId());
            AgentSnapshot agent = state.agent(offer.agentId()).orElseThrow();
            int capacity = specs.get(offer.agentId()).capacity(offer.channel());
            int load = agent.load(offer.channel());
            boolean voiceShared = agent.load(Channel.VOICE) > 0 && agent.load().values().stream().mapToInt(Integer::intValue).sum() > 1;
            if (load > capacity || voiceShared) {
                out.println("OVER " + offer.agentId() + " " + offer.channel() + " " + load + " " + capacity);
            }
            agentsPool.execute(() -> guarded(() -> {
                engine.accept(offer.itemId(), offer.agentId());
                handle(offer.itemId(), offer.agentId());
            }));
        }
    }
}
